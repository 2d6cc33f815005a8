import { DomainError } from '@cs/eventstore';

export const EntitlementErrorCodes = {
  NOT_FOUND: 'ENTITLEMENT_NOT_FOUND',
  ALREADY_EXISTS: 'ENTITLEMENT_ALREADY_EXISTS',
  VALIDITY_INVALID: 'ENTITLEMENT_VALIDITY_INVALID',
  NOT_YET_VALID: 'ENTITLEMENT_NOT_YET_VALID',
  EXPIRED: 'ENTITLEMENT_EXPIRED',
  GIFT_MISMATCH: 'ENTITLEMENT_GIFT_MISMATCH',
  MEMBER_MISMATCH: 'ENTITLEMENT_MEMBER_MISMATCH',
  REASON_REQUIRED: 'ENTITLEMENT_REASON_REQUIRED',
} as const;

const C = EntitlementErrorCodes;

export const entitlementNotFound = (code: string) => new DomainError(C.NOT_FOUND, `Entitlement ${code} not found`, 'not_found', { code });
export const entitlementAlreadyExists = (code: string) => new DomainError(C.ALREADY_EXISTS, `Entitlement ${code} already exists`, 'conflict', { code });
export const entitlementValidityInvalid = () => new DomainError(C.VALIDITY_INVALID, 'validUntil must be after validFrom', 'rule');
export const entitlementNotYetValid = (code: string, validFrom: string) =>
  new DomainError(C.NOT_YET_VALID, `Entitlement ${code} is valid from ${validFrom}`, 'rule', { code, validFrom });
export const entitlementExpired = (code: string, validUntil: string) =>
  new DomainError(C.EXPIRED, `Entitlement ${code} expired at ${validUntil}`, 'rule', { code, validUntil });
export const entitlementGiftMismatch = (code: string, sku: string) =>
  new DomainError(C.GIFT_MISMATCH, `Entitlement ${code} is for ${sku}`, 'rule', { code, sku });
export const entitlementMemberMismatch = (code: string) => new DomainError(C.MEMBER_MISMATCH, `Entitlement ${code} belongs to another member`, 'rule', { code });
export const entitlementReasonRequired = () => new DomainError(C.REASON_REQUIRED, 'Say why the entitlement is voided', 'rule');
