import type { Event } from '@cs/eventstore';
import type { StockRef, WriteOffReason } from './stock.values.js';

/** Every movement names its location, SKU and the document it comes from. */
interface Movement {
  locationId: string;
  sku: string;
  ref: StockRef;
  at: string;
  by: string;
}

/** Goods in at HQ from a procurement plan. */
export type StockReceived = Event<'StockReceived', Movement & { quantity: number }>;
/** HQ quantity held for an approved store request. */
export type StockReserved = Event<'StockReserved', Movement & { quantity: number }>;
/** Out of this location towards another; `fromReservation` of it was reserved. */
export type StockDispatched = Event<'StockDispatched', Movement & { quantity: number; fromReservation: number; toLocationId: string }>;
/** On its way to this location (in transit shows on the destination). */
export type StockInboundDispatched = Event<'StockInboundDispatched', Movement & { quantity: number; fromLocationId: string }>;
/** The shipment arrived: `received` units came, `damaged` of them do not enter on-hand, the rest of `dispatched` is short. */
export type StockArrived = Event<'StockArrived', Movement & { dispatched: number; received: number; damaged: number }>;
export type StockIssued = Event<'StockIssued', Movement & { quantity: number }>;
export type StockIssuanceReversed = Event<'StockIssuanceReversed', Movement & { quantity: number }>;
/** A stocktake variance approved into the book (either sign). */
export type StockAdjusted = Event<'StockAdjusted', Movement & { delta: number }>;
export type StockWrittenOff = Event<'StockWrittenOff', Movement & { quantity: number; reason: WriteOffReason; note?: string }>;
/** Available stock crossed below the location kind's minimum. */
export type StockFellBelowMinimum = Event<'StockFellBelowMinimum', Movement & { available: number; minimum: number }>;

export type StockEvent =
  | StockReceived
  | StockReserved
  | StockDispatched
  | StockInboundDispatched
  | StockArrived
  | StockIssued
  | StockIssuanceReversed
  | StockAdjusted
  | StockWrittenOff
  | StockFellBelowMinimum;
