import type { GiftsCommandEnvelope } from '../shared/gifts-actor.js';
import type { StockRef, WriteOffReason } from './stock.values.js';

/** A stock stream is one location and one SKU; `ref` names the document moving it. */
interface StockCommandBase extends GiftsCommandEnvelope {
  locationId: string;
  sku: string;
  ref: StockRef;
}

/** Commands that lower what is available carry the catalogue minimum for the location kind. */
interface Lowering {
  minimum?: number;
}

export interface ReceiveStock extends StockCommandBase {
  type: 'ReceiveStock';
  quantity: number;
}
export interface ReserveStock extends StockCommandBase, Lowering {
  type: 'ReserveStock';
  quantity: number;
}
/** Sends `quantity` out; the reservation held under `ref` (if any) is consumed. */
export interface DispatchStock extends StockCommandBase, Lowering {
  type: 'DispatchStock';
  quantity: number;
  toLocationId: string;
}
export interface RecordInboundDispatch extends StockCommandBase {
  type: 'RecordInboundDispatch';
  quantity: number;
  fromLocationId: string;
}
export interface RecordArrival extends StockCommandBase {
  type: 'RecordArrival';
  received: number;
  damaged: number;
}
export interface IssueStock extends StockCommandBase, Lowering {
  type: 'IssueStock';
  quantity: number;
}
export interface ReverseIssuedStock extends StockCommandBase {
  type: 'ReverseIssuedStock';
  quantity: number;
}
export interface AdjustStock extends StockCommandBase, Lowering {
  type: 'AdjustStock';
  delta: number;
}
export interface WriteOffStock extends StockCommandBase, Lowering {
  type: 'WriteOffStock';
  quantity: number;
  reason: WriteOffReason;
  note?: string;
}

export type StockCommand =
  | ReceiveStock
  | ReserveStock
  | DispatchStock
  | RecordInboundDispatch
  | RecordArrival
  | IssueStock
  | ReverseIssuedStock
  | AdjustStock
  | WriteOffStock;
