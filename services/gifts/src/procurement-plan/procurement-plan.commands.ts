import type { GiftsCommandEnvelope, SkuQuantity } from '../shared/gifts-actor.js';
import type { ProcurementPlanLine } from './procurement-plan.values.js';

interface PlanCommand extends GiftsCommandEnvelope {
  planId: string;
}

export interface CreateProcurementPlan extends PlanCommand {
  type: 'CreateProcurementPlan';
  period: string;
  lines: ProcurementPlanLine[];
  note?: string;
}
export interface ReviseProcurementPlan extends PlanCommand {
  type: 'ReviseProcurementPlan';
  period?: string;
  lines: ProcurementPlanLine[];
}
export interface SubmitProcurementPlan extends PlanCommand {
  type: 'SubmitProcurementPlan';
  note?: string;
}
export interface ApproveProcurementPlan extends PlanCommand {
  type: 'ApproveProcurementPlan';
  comment?: string;
}
export interface RejectProcurementPlan extends PlanCommand {
  type: 'RejectProcurementPlan';
  reason: string;
}
export interface OrderProcurementPlan extends PlanCommand {
  type: 'OrderProcurementPlan';
  purchaseOrderRef: string;
}
export interface ReceiveProcurementGoods extends PlanCommand {
  type: 'ReceiveProcurementGoods';
  lines: SkuQuantity[];
}

export type ProcurementPlanCommand =
  | CreateProcurementPlan
  | ReviseProcurementPlan
  | SubmitProcurementPlan
  | ApproveProcurementPlan
  | RejectProcurementPlan
  | OrderProcurementPlan
  | ReceiveProcurementGoods;
