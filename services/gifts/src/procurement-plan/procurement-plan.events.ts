import type { Event } from '@cs/eventstore';
import type { SkuQuantity } from '../shared/gifts-actor.js';
import type { ProcurementPlanLine } from './procurement-plan.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type ProcurementPlanCreated = Event<
  'ProcurementPlanCreated',
  { planId: string; period: string; lines: ProcurementPlanLine[]; note?: string } & Stamp
>;
export type ProcurementPlanRevised = Event<'ProcurementPlanRevised', { period: string; lines: ProcurementPlanLine[] } & Stamp>;
export type ProcurementPlanSubmitted = Event<'ProcurementPlanSubmitted', { note?: string } & Stamp>;
export type ProcurementPlanApproved = Event<'ProcurementPlanApproved', { comment?: string } & Stamp>;
export type ProcurementPlanRejected = Event<'ProcurementPlanRejected', { reason: string } & Stamp>;
export type ProcurementPlanOrdered = Event<'ProcurementPlanOrdered', { purchaseOrderRef: string } & Stamp>;
/** Goods in at HQ; `complete` when every planned quantity has now arrived. */
export type ProcurementGoodsReceived = Event<'ProcurementGoodsReceived', { lines: SkuQuantity[]; complete: boolean } & Stamp>;

export type ProcurementPlanEvent =
  | ProcurementPlanCreated
  | ProcurementPlanRevised
  | ProcurementPlanSubmitted
  | ProcurementPlanApproved
  | ProcurementPlanRejected
  | ProcurementPlanOrdered
  | ProcurementGoodsReceived;
