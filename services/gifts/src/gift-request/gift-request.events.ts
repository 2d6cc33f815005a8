import type { Event } from '@cs/eventstore';
import type { SkuQuantity } from '../shared/gifts-actor.js';
import type { GiftRequestPurpose, ReceivedLine } from './gift-request.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type GiftRequestCreated = Event<
  'GiftRequestCreated',
  { requestId: string; storeId: string; purpose: GiftRequestPurpose; lines: SkuQuantity[]; requestedDeliveryDate?: string; note?: string } & Stamp
>;
export type GiftRequestSubmitted = Event<'GiftRequestSubmitted', { note?: string } & Stamp>;
/** Approved quantities per line (0 allowed); they are reserved at HQ with this event. */
export type GiftRequestApproved = Event<'GiftRequestApproved', { lines: SkuQuantity[]; comment?: string } & Stamp>;
export type GiftRequestRejected = Event<'GiftRequestRejected', { reason: string } & Stamp>;
interface Shipment {
  lines: SkuQuantity[];
  expectedArrival: string;
  overdueAt: string;
  waybillNo?: string;
}
export type GiftRequestDispatched = Event<'GiftRequestDispatched', Shipment & Stamp>;
/** An opening kit pushed to a new store: a dispatch without a request (R113). */
export type NewStoreKitDispatched = Event<'NewStoreKitDispatched', Shipment & { requestId: string; storeId: string } & Stamp>;
export type GiftArrivalOverdue = Event<'GiftArrivalOverdue', { expectedArrival: string; overdueAt: string } & Stamp>;
export type GiftRequestReceived = Event<'GiftRequestReceived', { lines: ReceivedLine[]; note?: string } & Stamp>;
/** Short or damaged on arrival: owned by the gift specialist with logistics (§3.6). */
export type GiftReceiptDiscrepancyFound = Event<'GiftReceiptDiscrepancyFound', { lines: Array<{ sku: string; short: number; damaged: number }> } & Stamp>;
export type GiftReceiptDiscrepancyResolved = Event<'GiftReceiptDiscrepancyResolved', { resolution: string } & Stamp>;

export type GiftRequestEvent =
  | GiftRequestCreated
  | GiftRequestSubmitted
  | GiftRequestApproved
  | GiftRequestRejected
  | GiftRequestDispatched
  | NewStoreKitDispatched
  | GiftArrivalOverdue
  | GiftRequestReceived
  | GiftReceiptDiscrepancyFound
  | GiftReceiptDiscrepancyResolved;
