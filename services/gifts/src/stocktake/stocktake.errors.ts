import { DomainError } from '@cs/eventstore';

export const StocktakeErrorCodes = {
  NOT_FOUND: 'STOCKTAKE_NOT_FOUND',
  ALREADY_EXISTS: 'STOCKTAKE_ALREADY_EXISTS',
  NOTHING_TO_COUNT: 'STOCKTAKE_NOTHING_TO_COUNT',
  LINE_UNKNOWN: 'STOCKTAKE_LINE_UNKNOWN',
  DUPLICATE_LINE: 'STOCKTAKE_DUPLICATE_LINE',
  COUNT_INVALID: 'STOCKTAKE_COUNT_INVALID',
  COUNT_INCOMPLETE: 'STOCKTAKE_COUNT_INCOMPLETE',
  VARIANCE_REASON_REQUIRED: 'STOCKTAKE_VARIANCE_REASON_REQUIRED',
  ESCALATION_NEEDS_CS_MANAGER: 'STOCKTAKE_ESCALATION_NEEDS_CS_MANAGER',
  REASON_REQUIRED: 'STOCKTAKE_REASON_REQUIRED',
} as const;

const C = StocktakeErrorCodes;

export const stocktakeNotFound = (stocktakeId: string) => new DomainError(C.NOT_FOUND, `Stocktake ${stocktakeId} not found`, 'not_found', { stocktakeId });
export const stocktakeAlreadyExists = (stocktakeId: string) =>
  new DomainError(C.ALREADY_EXISTS, `Stocktake ${stocktakeId} already exists`, 'conflict', { stocktakeId });
export const stocktakeNothingToCount = (locationId: string) =>
  new DomainError(C.NOTHING_TO_COUNT, `No gift is kept at ${locationId}: nothing to count`, 'rule', { locationId });
export const stocktakeLineUnknown = (sku: string) => new DomainError(C.LINE_UNKNOWN, `${sku} is not on this stocktake`, 'rule', { sku });
export const stocktakeDuplicateLine = (sku: string) => new DomainError(C.DUPLICATE_LINE, `${sku} appears on two lines`, 'rule', { sku });
export const stocktakeCountInvalid = (sku: string, counted: number) =>
  new DomainError(C.COUNT_INVALID, `The count of ${sku} must be a whole number ≥ 0`, 'rule', { sku, counted });
export const stocktakeCountIncomplete = (missing: string[]) =>
  new DomainError(C.COUNT_INCOMPLETE, `Not counted yet: ${missing.join(', ')}`, 'rule', { missing });
export const stocktakeVarianceReasonRequired = (skus: string[]) =>
  new DomainError(C.VARIANCE_REASON_REQUIRED, `Every variance needs a reason; missing for ${skus.join(', ')}`, 'rule', { skus });
export const stocktakeEscalationNeedsCsManager = (action: string) =>
  new DomainError(C.ESCALATION_NEEDS_CS_MANAGER, `An escalated stocktake is for the CS manager to ${action}`, 'forbidden', { action });
export const stocktakeReasonRequired = () => new DomainError(C.REASON_REQUIRED, 'Say why a recount is needed', 'rule');
