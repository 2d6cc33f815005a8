import type { Decider } from '@cs/eventstore';
import type { StockCommand } from './stock.commands.js';
import { decideStock } from './stock.decide.js';
import type { StockEvent } from './stock.events.js';
import { evolveStock } from './stock.evolve.js';
import { initialStockState, type StockState } from './stock.state.js';

export const STOCK_STREAM_TYPE = 'gift-stock';

/** A ledger's key: one location and one SKU. */
export const stockKey = (locationId: string, sku: string): string => `${locationId}|${sku}`;

/** One stream per location and SKU: the unit of consistency for the no-negative-stock invariant. */
export const stockStreamId = (key: string): string => `gift-stock-${key}`;

export const stockDecider: Decider<StockState, StockCommand, StockEvent> = {
  decide: decideStock,
  evolve: evolveStock,
  initialState: initialStockState,
};
