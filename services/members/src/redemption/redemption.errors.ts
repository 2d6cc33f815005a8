import { DomainError } from '@cs/eventstore';

export const RedemptionErrorCodes = {
  NOT_FOUND: 'REDEMPTION_NOT_FOUND',
  ALREADY_EXISTS: 'REDEMPTION_ALREADY_EXISTS',
  INVALID_TRANSITION: 'REDEMPTION_INVALID_TRANSITION',
  INVALID_QUANTITY: 'INVALID_REDEMPTION_QUANTITY',
  NOT_REDEEMABLE: 'GIFT_NOT_REDEEMABLE',
  ISSUANCE_CONFLICT: 'REDEMPTION_ISSUANCE_CONFLICT',
} as const;

const E = RedemptionErrorCodes;

export const redemptionNotFound = (redemptionId: string) =>
  new DomainError(E.NOT_FOUND, `Redemption ${redemptionId} does not exist`, 'not_found', { redemptionId });

export const redemptionAlreadyExists = (redemptionId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Redemption ${redemptionId} already exists`, 'conflict', { redemptionId });

export const invalidQuantity = () =>
  new DomainError(E.INVALID_QUANTITY, 'quantity must be a whole positive number', 'rule', { field: 'quantity' });

export const giftNotRedeemable = (giftSku: string) =>
  new DomainError(E.NOT_REDEEMABLE, `Gift ${giftSku} has no points price`, 'rule', { giftSku });

export const issuanceConflict = (redemptionId: string, issuanceId: string) =>
  new DomainError(E.ISSUANCE_CONFLICT, `Redemption ${redemptionId} was already issued as ${issuanceId}`, 'conflict', {
    redemptionId,
    issuanceId,
  });
