import type { SkuQuantity } from '../shared/gifts-actor.js';
import type { GiftRequestPurpose, ReceivedLine, RequestedLine } from './gift-request.values.js';

export type GiftRequestStatus =
  | 'draft'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'dispatched'
  | 'arrival_overdue'
  | 'received'
  | 'received_with_discrepancy'
  | 'discrepancy_resolved';

export interface GiftRequest {
  status: GiftRequestStatus;
  requestId: string;
  storeId: string;
  purpose: GiftRequestPurpose;
  /** True for an opening kit dispatched without a request. */
  kit: boolean;
  lines: RequestedLine[];
  dispatched?: SkuQuantity[];
  expectedArrival?: string;
  overdueAt?: string;
  waybillNo?: string;
  received?: ReceivedLine[];
}

export type GiftRequestState = GiftRequest | null;

export const initialGiftRequestState = (): GiftRequestState => null;

/** Approved quantities, lines of 0 left out: what the warehouse ships. */
export const approvedLines = (request: GiftRequest): SkuQuantity[] =>
  request.lines.filter((l) => (l.approved ?? 0) > 0).map((l) => ({ sku: l.sku, quantity: l.approved ?? 0 }));
