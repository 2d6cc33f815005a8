import { DomainError } from '@cs/eventstore';

export const CompensationErrorCodes = {
  NOT_GRANTED: 'COMPENSATION_NOT_GRANTED',
  QUANTITY_INVALID: 'COMPENSATION_QUANTITY_INVALID',
} as const;

/** Compensation gifts go out only against a compensation the complaint granted (§1.6.4). */
export const compensationNotGranted = (what?: { complaintId: string; sku: string; quantity: number }) =>
  new DomainError(
    CompensationErrorCodes.NOT_GRANTED,
    what ? `No open gift compensation of ${what.quantity} × ${what.sku} was granted on complaint ${what.complaintId}` : 'No open gift compensation was granted on this complaint',
    'rule',
    what,
  );

export const compensationQuantityInvalid = (quantity: number) =>
  new DomainError(CompensationErrorCodes.QUANTITY_INVALID, `Quantity must be a positive whole number, got ${quantity}`, 'rule', { quantity });
