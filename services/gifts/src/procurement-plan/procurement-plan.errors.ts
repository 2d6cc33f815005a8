import { DomainError } from '@cs/eventstore';

export const ProcurementPlanErrorCodes = {
  NOT_FOUND: 'PROCUREMENT_PLAN_NOT_FOUND',
  ALREADY_EXISTS: 'PROCUREMENT_PLAN_ALREADY_EXISTS',
  LINES_REQUIRED: 'PROCUREMENT_PLAN_LINES_REQUIRED',
  DUPLICATE_LINE: 'PROCUREMENT_PLAN_DUPLICATE_LINE',
  QUANTITY_INVALID: 'PROCUREMENT_PLAN_QUANTITY_INVALID',
  TEXT_REQUIRED: 'PROCUREMENT_PLAN_TEXT_REQUIRED',
  LINE_UNKNOWN: 'PROCUREMENT_PLAN_LINE_UNKNOWN',
  RECEIPT_EXCEEDS_PLAN: 'PROCUREMENT_PLAN_RECEIPT_EXCEEDS_PLAN',
} as const;

export const procurementPlanNotFound = (planId: string) =>
  new DomainError(ProcurementPlanErrorCodes.NOT_FOUND, `Procurement plan ${planId} not found`, 'not_found', { planId });
export const procurementPlanAlreadyExists = (planId: string) =>
  new DomainError(ProcurementPlanErrorCodes.ALREADY_EXISTS, `Procurement plan ${planId} already exists`, 'conflict', { planId });
export const procurementPlanLinesRequired = () =>
  new DomainError(ProcurementPlanErrorCodes.LINES_REQUIRED, 'A procurement plan needs at least one line', 'rule');
export const procurementPlanDuplicateLine = (sku: string) =>
  new DomainError(ProcurementPlanErrorCodes.DUPLICATE_LINE, `${sku} appears on two lines`, 'rule', { sku });
export const procurementPlanQuantityInvalid = (sku: string, quantity: number) =>
  new DomainError(ProcurementPlanErrorCodes.QUANTITY_INVALID, `Quantity of ${sku} must be a positive whole number`, 'rule', { sku, quantity });
export const procurementPlanTextRequired = (field: string) =>
  new DomainError(ProcurementPlanErrorCodes.TEXT_REQUIRED, `${field} must not be blank`, 'rule', { field });
export const procurementPlanLineUnknown = (sku: string) =>
  new DomainError(ProcurementPlanErrorCodes.LINE_UNKNOWN, `${sku} is not on this plan`, 'rule', { sku });
export const procurementPlanReceiptExceedsPlan = (sku: string, outstanding: number, quantity: number) =>
  new DomainError(ProcurementPlanErrorCodes.RECEIPT_EXCEEDS_PLAN, `Only ${outstanding} of ${sku} are still to come, ${quantity} received`, 'rule', {
    sku,
    outstanding,
    quantity,
  });
