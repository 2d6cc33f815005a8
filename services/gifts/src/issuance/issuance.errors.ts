import { DomainError } from '@cs/eventstore';

export const IssuanceErrorCodes = {
  NOT_FOUND: 'ISSUANCE_NOT_FOUND',
  ALREADY_EXISTS: 'ISSUANCE_ALREADY_EXISTS',
  QUANTITY_INVALID: 'ISSUANCE_QUANTITY_INVALID',
  RECIPIENT_REQUIRED: 'ISSUANCE_RECIPIENT_REQUIRED',
  MEMBER_REQUIRED: 'ISSUANCE_MEMBER_REQUIRED',
  CAUSE_REQUIRED: 'ISSUANCE_CAUSE_REQUIRED',
  ENTITLEMENT_REQUIRED: 'ISSUANCE_ENTITLEMENT_REQUIRED',
  REASON_REQUIRED: 'ISSUANCE_REASON_REQUIRED',
} as const;

const C = IssuanceErrorCodes;

export const issuanceNotFound = (issuanceId: string) => new DomainError(C.NOT_FOUND, `Issuance ${issuanceId} not found`, 'not_found', { issuanceId });
export const issuanceAlreadyExists = (issuanceId: string) =>
  new DomainError(C.ALREADY_EXISTS, `Issuance ${issuanceId} already exists`, 'conflict', { issuanceId });
export const issuanceQuantityInvalid = (quantity: number) =>
  new DomainError(C.QUANTITY_INVALID, `Quantity must be a positive whole number, got ${quantity}`, 'rule', { quantity });
export const issuanceRecipientRequired = () => new DomainError(C.RECIPIENT_REQUIRED, 'A member or a customer (name and mobile) is required', 'rule');
export const issuanceMemberRequired = (reason: string) => new DomainError(C.MEMBER_REQUIRED, `A ${reason} gift goes to a member`, 'rule', { reason });
export const issuanceCauseRequired = (reason: string, what: string) =>
  new DomainError(C.CAUSE_REQUIRED, `A ${reason} gift needs causeRef: ${what}`, 'rule', { reason });
export const issuanceEntitlementRequired = (reason: string) =>
  new DomainError(C.ENTITLEMENT_REQUIRED, `A ${reason} gift needs the entitlement code redeemed`, 'rule', { reason });
export const issuanceReasonRequired = () => new DomainError(C.REASON_REQUIRED, 'Say why the issuance is reversed', 'rule');
