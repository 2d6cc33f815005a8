import type { StockRef } from './stock.values.js';

export type StockStatus = 'tracked';

/** One location's ledger of one SKU; every figure is a projection of the movements. */
export interface Stock {
  status: StockStatus;
  locationId: string;
  sku: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  damagedOrLost: number;
  /** Reserved quantity per document (refKey). */
  reservations: Record<string, number>;
  /** Quantity in transit to this location per document (refKey). */
  inbound: Record<string, number>;
}

export type StockState = Stock | null;

export const initialStockState = (): StockState => null;

/** A ledger with no movement yet: what every first movement starts from. */
export function emptyStock(locationId: string, sku: string): Stock {
  return { status: 'tracked', locationId, sku, onHand: 0, reserved: 0, inTransit: 0, damagedOrLost: 0, reservations: {}, inbound: {} };
}

export const availableOf = (stock: Pick<Stock, 'onHand' | 'reserved'>): number => stock.onHand - stock.reserved;

export type { StockRef };
