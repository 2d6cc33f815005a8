import { DomainError } from '@cs/eventstore';

/** Stable error codes of the return request aggregate. */
export const ReturnRequestErrorCodes = {
  NOT_FOUND: 'RETURN_REQUEST_NOT_FOUND',
  ALREADY_EXISTS: 'RETURN_REQUEST_ALREADY_EXISTS',
  INVALID_TRANSITION: 'RETURN_REQUEST_INVALID_TRANSITION',
  FIELD_REQUIRED: 'FIELD_REQUIRED',
  CUSTOMER_INFO_REQUIRED: 'CUSTOMER_INFO_REQUIRED',
  INVALID_ITEMS: 'INVALID_ITEMS',
  RETURN_WINDOW_PASSED: 'RETURN_WINDOW_PASSED',
  RECEIVED_IN_FUTURE: 'RECEIVED_AT_IN_FUTURE',
  REASON_NOT_ALLOWED: 'RETURN_REASON_NOT_ALLOWED',
  NOT_RETURNABLE: 'ITEM_NOT_RETURNABLE',
  NOT_APPROVED: 'RETURN_NOT_APPROVED',
  NOT_INSPECTED: 'RETURN_NOT_INSPECTED',
  INSPECTION_CONDITIONS: 'INSPECTION_CONDITIONS_INVALID',
  INVALID_REFUND_AMOUNT: 'INVALID_REFUND_AMOUNT',
  REFUND_EXCEEDS_PAID: 'REFUND_EXCEEDS_PAID',
  NOTHING_REFUNDED: 'NOTHING_REFUNDED',
  INVALID_SATISFACTION: 'INVALID_SATISFACTION',
} as const;
export type ReturnRequestErrorCode = (typeof ReturnRequestErrorCodes)[keyof typeof ReturnRequestErrorCodes];

const C = ReturnRequestErrorCodes;

export const returnRequestNotFound = (id: string) =>
  new DomainError(C.NOT_FOUND, `After-sales request ${id} does not exist`, 'not_found', { requestId: id });

export const returnRequestAlreadyExists = (id: string) =>
  new DomainError(C.ALREADY_EXISTS, `After-sales request ${id} already exists`, 'conflict', { requestId: id });

/** R58; past the window a quality problem in warranty is offered a free repair instead (R60). */
export const returnWindowPassed = (windowEndsAt: string, warrantyRepairOffered: boolean) =>
  new DomainError(
    C.RETURN_WINDOW_PASSED,
    `The return window ended at ${windowEndsAt}` + (warrantyRepairOffered ? '; the item is in warranty: a free repair can be requested' : ''),
    'rule',
    { windowEndsAt, warrantyRepairOffered, ...(warrantyRepairOffered ? { offer: 'repair' } : {}) },
  );

export const receivedInTheFuture = (receivedOn: string) =>
  new DomainError(C.RECEIVED_IN_FUTURE, `The goods cannot have been received on ${receivedOn}, a date still to come`, 'rule', { field: 'receivedAt', receivedOn });

export const reasonNotAllowed = (reason: string) =>
  new DomainError(C.REASON_NOT_ALLOWED, `The reason ${reason} does not allow a return or exchange`, 'rule', { reason });

export const notReturnable = (sku: string, category: string) =>
  new DomainError(C.NOT_RETURNABLE, `${sku} (${category}) is taken back for a quality problem only`, 'rule', { sku, category });

export const notApproved = () =>
  new DomainError(C.NOT_APPROVED, 'The request must be approved before the goods are received (unless filed at the counter)', 'conflict');

/** R62: money or goods go back only once the inspection confirmed the conditions. */
export const notInspected = (status: string) =>
  new DomainError(C.NOT_INSPECTED, `A refund or replacement follows a passed inspection (the request is ${status})`, 'conflict', { status });

export const inspectionConditionsInvalid = (message: string, details?: Record<string, unknown>) =>
  new DomainError(C.INSPECTION_CONDITIONS, message, 'rule', details);

export const invalidRefundAmount = (amount: number) =>
  new DomainError(C.INVALID_REFUND_AMOUNT, 'A refund is a whole, positive number of fen', 'rule', { amount });

export const refundExceedsPaid = (amount: number, ceiling: number, refunded: number) =>
  new DomainError(C.REFUND_EXCEEDS_PAID, `A refund of ${amount} fen exceeds what remains of the ${ceiling} fen paid (${ceiling - refunded} fen)`, 'rule', {
    amount,
    paid: ceiling,
    refunded,
    remaining: ceiling - refunded,
  });

export const nothingRefunded = () => new DomainError(C.NOTHING_REFUNDED, 'A return completes once a refund was issued', 'conflict');

export const invalidSatisfaction = (value: number) =>
  new DomainError(C.INVALID_SATISFACTION, 'Satisfaction must be an integer from 1 to 5', 'rule', { satisfaction: value });
