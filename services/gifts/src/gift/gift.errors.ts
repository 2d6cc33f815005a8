import { DomainError } from '@cs/eventstore';

export const GiftErrorCodes = {
  NOT_FOUND: 'GIFT_NOT_FOUND',
  ALREADY_EXISTS: 'GIFT_ALREADY_EXISTS',
  INACTIVE: 'GIFT_INACTIVE',
  VALUE_INVALID: 'GIFT_VALUE_INVALID',
} as const;

export const giftNotFound = (sku: string) => new DomainError(GiftErrorCodes.NOT_FOUND, `Gift ${sku} is not in the catalogue`, 'not_found', { sku });
export const giftAlreadyExists = (sku: string) => new DomainError(GiftErrorCodes.ALREADY_EXISTS, `Gift ${sku} is already in the catalogue`, 'conflict', { sku });
export const giftInactive = (sku: string) => new DomainError(GiftErrorCodes.INACTIVE, `Gift ${sku} is no longer active`, 'rule', { sku });
export const giftValueInvalid = (field: string) =>
  new DomainError(GiftErrorCodes.VALUE_INVALID, `${field} must be a non-negative whole number`, 'rule', { field });
