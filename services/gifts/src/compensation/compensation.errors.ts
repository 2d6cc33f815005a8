import { DomainError } from '@cs/eventstore';

export const CompensationErrorCodes = {
  NOT_GRANTED: 'COMPENSATION_NOT_GRANTED',
  QUANTITY_INVALID: 'COMPENSATION_QUANTITY_INVALID',
} as const;

/** Compensation gifts go out only against a compensation the complaint granted (§1.6.4). */
export const compensationNotGranted = (complaintId: string, sku: string, quantity: number) =>
  new DomainError(CompensationErrorCodes.NOT_GRANTED, `No open gift compensation of ${quantity} × ${sku} was granted on complaint ${complaintId}`, 'rule', {
    complaintId,
    sku,
    quantity,
  });

export const compensationQuantityInvalid = (quantity: number) =>
  new DomainError(CompensationErrorCodes.QUANTITY_INVALID, `Quantity must be a positive whole number, got ${quantity}`, 'rule', { quantity });
