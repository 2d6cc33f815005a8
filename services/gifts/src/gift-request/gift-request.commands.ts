import type { GiftsCommandEnvelope, SkuQuantity } from '../shared/gifts-actor.js';
import type { GiftRequestPurpose } from './gift-request.values.js';

interface RequestCommand extends GiftsCommandEnvelope {
  requestId: string;
}

export interface CreateGiftRequest extends RequestCommand {
  type: 'CreateGiftRequest';
  storeId: string;
  purpose: GiftRequestPurpose;
  lines: SkuQuantity[];
  requestedDeliveryDate?: string;
  note?: string;
}
export interface SubmitGiftRequest extends RequestCommand {
  type: 'SubmitGiftRequest';
  note?: string;
}
/** `hqAvailable`: what the warehouse has free per SKU as read (the stock ledger enforces it again on append). */
export interface ApproveGiftRequest extends RequestCommand {
  type: 'ApproveGiftRequest';
  lines: SkuQuantity[];
  hqAvailable: Record<string, number>;
  comment?: string;
}
export interface RejectGiftRequest extends RequestCommand {
  type: 'RejectGiftRequest';
  reason: string;
}
/** `arrivalGraceMinutes` [PROPOSED 2 days] is configuration. */
export interface DispatchGiftRequest extends RequestCommand {
  type: 'DispatchGiftRequest';
  expectedArrival: string;
  waybillNo?: string;
  arrivalGraceMinutes: number;
}
export interface DispatchNewStoreKit extends RequestCommand {
  type: 'DispatchNewStoreKit';
  storeId: string;
  lines: SkuQuantity[];
  expectedArrival: string;
  waybillNo?: string;
  arrivalGraceMinutes: number;
}
/** The durable timer's command: a no-op unless the shipment is still out past its overdue instant. */
export interface MarkArrivalOverdue extends RequestCommand {
  type: 'MarkArrivalOverdue';
}
export interface ReceiveGiftRequest extends RequestCommand {
  type: 'ReceiveGiftRequest';
  lines: Array<{ sku: string; received: number; damaged: number }>;
  note?: string;
}
export interface ResolveGiftDiscrepancy extends RequestCommand {
  type: 'ResolveGiftDiscrepancy';
  resolution: string;
}

export type GiftRequestCommand =
  | CreateGiftRequest
  | SubmitGiftRequest
  | ApproveGiftRequest
  | RejectGiftRequest
  | DispatchGiftRequest
  | DispatchNewStoreKit
  | MarkArrivalOverdue
  | ReceiveGiftRequest
  | ResolveGiftDiscrepancy;
