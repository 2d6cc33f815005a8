import type { RequestIntake } from '../common/after-sales.values.js';
import type { InspectionResult, RejectionReason, ReturnRequestStatus, ReturnRequestType } from './return-request.values.js';

export interface Refund {
  refundNo: number;
  amount: number;
  at: string;
  by: string;
  method?: string;
}

export interface ReturnRequest extends RequestIntake {
  requestId: string;
  type: ReturnRequestType;
  status: ReturnRequestStatus;
  policyVersion: number;
  windowEndsAt?: string;
  refundCeiling: number;
  goodsPresent: boolean;
  requestedAt: string;
  requestedBy: string;
  approval?: { at: string; by: string; note?: string };
  rejection?: { reason: RejectionReason; note?: string; warrantyRepairOffered: boolean; at: string; by: string };
  receipt?: { accessoriesIncluded: boolean; invoiceIncluded: boolean; waybillNo?: string; at: string; by: string };
  inspection?: { result: InspectionResult; failedConditions: string[]; notes?: string; at: string; by: string };
  refunds: Refund[];
  refundedTotal: number;
  replacement?: { sku: string; waybillNo?: string; at: string };
  completedAt?: string;
  callbackDueAt?: string;
  closedAt?: string;
  satisfaction?: number;
  cancellation?: { at: string; by: string; reason?: string };
  updatedAt: string;
}

/** `null` until the request is filed. */
export type ReturnRequestState = ReturnRequest | null;

export const initialReturnRequestState = (): ReturnRequestState => null;

export const refundRemaining = (state: Pick<ReturnRequest, 'refundCeiling' | 'refundedTotal'>): number =>
  state.refundCeiling - state.refundedTotal;
