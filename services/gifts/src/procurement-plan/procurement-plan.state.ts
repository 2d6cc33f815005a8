import type { ProcurementPlanLine } from './procurement-plan.values.js';

export type ProcurementPlanStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'ordered' | 'partially_received' | 'received';

export interface ProcurementPlan {
  status: ProcurementPlanStatus;
  planId: string;
  period: string;
  lines: ProcurementPlanLine[];
  preparedBy: string;
  /** Received so far per SKU. */
  received: Record<string, number>;
  approval?: { by: string; at: string; decision: 'approved' | 'rejected'; comment?: string };
  purchaseOrderRef?: string;
}

export type ProcurementPlanState = ProcurementPlan | null;

export const initialProcurementPlanState = (): ProcurementPlanState => null;
