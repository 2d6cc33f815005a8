import { DomainError } from '@cs/eventstore';

export const GiftRequestErrorCodes = {
  NOT_FOUND: 'GIFT_REQUEST_NOT_FOUND',
  ALREADY_EXISTS: 'GIFT_REQUEST_ALREADY_EXISTS',
  LINES_REQUIRED: 'GIFT_REQUEST_LINES_REQUIRED',
  DUPLICATE_LINE: 'GIFT_REQUEST_DUPLICATE_LINE',
  QUANTITY_INVALID: 'GIFT_REQUEST_QUANTITY_INVALID',
  LINE_UNKNOWN: 'GIFT_REQUEST_LINE_UNKNOWN',
  APPROVAL_EXCEEDS_REQUEST: 'GIFT_REQUEST_APPROVAL_EXCEEDS_REQUEST',
  APPROVAL_EXCEEDS_STOCK: 'GIFT_REQUEST_APPROVAL_EXCEEDS_STOCK',
  NOTHING_APPROVED: 'GIFT_REQUEST_NOTHING_APPROVED',
  TEXT_REQUIRED: 'GIFT_REQUEST_TEXT_REQUIRED',
  ARRIVAL_BEFORE_DISPATCH: 'GIFT_REQUEST_ARRIVAL_BEFORE_DISPATCH',
  RECEIPT_INCOMPLETE: 'GIFT_REQUEST_RECEIPT_INCOMPLETE',
  RECEIPT_EXCEEDS_DISPATCH: 'GIFT_REQUEST_RECEIPT_EXCEEDS_DISPATCH',
  DAMAGED_EXCEEDS_RECEIVED: 'GIFT_REQUEST_DAMAGED_EXCEEDS_RECEIVED',
} as const;

const C = GiftRequestErrorCodes;

export const giftRequestNotFound = (requestId: string) => new DomainError(C.NOT_FOUND, `Gift request ${requestId} not found`, 'not_found', { requestId });
export const giftRequestAlreadyExists = (requestId: string) =>
  new DomainError(C.ALREADY_EXISTS, `Gift request ${requestId} already exists`, 'conflict', { requestId });
export const giftRequestLinesRequired = () => new DomainError(C.LINES_REQUIRED, 'At least one line is required', 'rule');
export const giftRequestDuplicateLine = (sku: string) => new DomainError(C.DUPLICATE_LINE, `${sku} appears on two lines`, 'rule', { sku });
export const giftRequestQuantityInvalid = (sku: string, quantity: number) =>
  new DomainError(C.QUANTITY_INVALID, `Quantity of ${sku} must be a whole number (positive where requested)`, 'rule', { sku, quantity });
export const giftRequestLineUnknown = (sku: string) => new DomainError(C.LINE_UNKNOWN, `${sku} is not on this request`, 'rule', { sku });
export const giftRequestApprovalExceedsRequest = (sku: string, requested: number, approved: number) =>
  new DomainError(C.APPROVAL_EXCEEDS_REQUEST, `${approved} of ${sku} approved but only ${requested} requested`, 'rule', { sku, requested, approved });
export const giftRequestApprovalExceedsStock = (sku: string, available: number, approved: number) =>
  new DomainError(C.APPROVAL_EXCEEDS_STOCK, `${approved} of ${sku} approved but the warehouse has ${available} free`, 'rule', {
    sku,
    available,
    approved,
  });
export const giftRequestNothingApproved = () =>
  new DomainError(C.NOTHING_APPROVED, 'Every approved quantity is 0: reject the request instead', 'rule');
export const giftRequestTextRequired = (field: string) => new DomainError(C.TEXT_REQUIRED, `${field} must not be blank`, 'rule', { field });
export const giftRequestArrivalBeforeDispatch = (expectedArrival: string) =>
  new DomainError(C.ARRIVAL_BEFORE_DISPATCH, `The expected arrival ${expectedArrival} is before the dispatch`, 'rule', { expectedArrival });
export const giftRequestReceiptIncomplete = (missing: string[]) =>
  new DomainError(C.RECEIPT_INCOMPLETE, `The receipt must count every dispatched line; missing: ${missing.join(', ')}`, 'rule', { missing });
export const giftRequestReceiptExceedsDispatch = (sku: string, dispatched: number, received: number) =>
  new DomainError(C.RECEIPT_EXCEEDS_DISPATCH, `${received} of ${sku} received but ${dispatched} dispatched`, 'rule', { sku, dispatched, received });
export const giftRequestDamagedExceedsReceived = (sku: string, received: number, damaged: number) =>
  new DomainError(C.DAMAGED_EXCEEDS_RECEIVED, `${damaged} of ${sku} damaged but ${received} received`, 'rule', { sku, received, damaged });
