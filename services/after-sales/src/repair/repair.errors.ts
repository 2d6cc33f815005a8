import { DomainError } from '@cs/eventstore';

/** Stable error codes of the repair aggregate. */
export const RepairErrorCodes = {
  NOT_FOUND: 'REPAIR_NOT_FOUND',
  ALREADY_EXISTS: 'REPAIR_ALREADY_EXISTS',
  INVALID_TRANSITION: 'REPAIR_INVALID_TRANSITION',
  FIELD_REQUIRED: 'FIELD_REQUIRED',
  CUSTOMER_INFO_REQUIRED: 'CUSTOMER_INFO_REQUIRED',
  INVALID_ITEMS: 'INVALID_ITEMS',
  VISIT_TIME_ONLY_ON_SITE: 'VISIT_TIME_ONLY_ON_SITE',
  VISIT_TIME_IN_PAST: 'VISIT_TIME_IN_PAST',
  QUOTE_NOT_NEEDED: 'REPAIR_QUOTE_NOT_NEEDED',
  INVALID_QUOTE_AMOUNT: 'INVALID_QUOTE_AMOUNT',
  QUOTE_NOT_CONFIRMED: 'REPAIR_QUOTE_NOT_CONFIRMED',
  WAYBILL_REQUIRED: 'RETURN_WAYBILL_REQUIRED',
  NOT_READY: 'REPAIR_NOT_READY',
  INVALID_SATISFACTION: 'INVALID_SATISFACTION',
} as const;
export type RepairErrorCode = (typeof RepairErrorCodes)[keyof typeof RepairErrorCodes];

const C = RepairErrorCodes;

export const repairNotFound = (id: string) => new DomainError(C.NOT_FOUND, `After-sales request ${id} does not exist`, 'not_found', { requestId: id });

export const repairAlreadyExists = (id: string) =>
  new DomainError(C.ALREADY_EXISTS, `After-sales request ${id} already exists`, 'conflict', { requestId: id });

export const visitTimeOnlyOnSite = () => new DomainError(C.VISIT_TIME_ONLY_ON_SITE, 'visitAt is for on-site repairs only', 'rule', { field: 'visitAt' });

export const visitTimeInPast = (visitAt: string) =>
  new DomainError(C.VISIT_TIME_IN_PAST, `The chosen visit time ${visitAt} has passed`, 'rule', { field: 'visitAt', visitAt });

export const quoteNotNeeded = () => new DomainError(C.QUOTE_NOT_NEEDED, 'A warranty repair of a quality problem is free (R60): no quote', 'conflict');

export const invalidQuoteAmount = (amount: number) =>
  new DomainError(C.INVALID_QUOTE_AMOUNT, 'A quote is a whole, positive number of fen', 'rule', { amount });

export const quoteNotConfirmed = () =>
  new DomainError(C.QUOTE_NOT_CONFIRMED, 'A paid repair starts only after the customer accepted the quote (R79)', 'rule');

export const waybillRequired = () =>
  new DomainError(C.WAYBILL_REQUIRED, 'A mail-in repair goes back with a waybill number', 'rule', { field: 'waybillNo' });

export const notReady = () => new DomainError(C.NOT_READY, 'A workshop repair completes once it is ready or shipped back', 'conflict');

export const invalidSatisfaction = (value: number) =>
  new DomainError(C.INVALID_SATISFACTION, 'Satisfaction must be an integer from 1 to 5', 'rule', { satisfaction: value });
