import { stamp } from '../shared/gifts-actor.js';
import type { StockCommand } from './stock.commands.js';
import { stockInsufficient, stockQuantityInvalid } from './stock.errors.js';
import type { StockEvent } from './stock.events.js';
import { availableOf, type Stock } from './stock.state.js';

/** The fields every movement event repeats. */
export function movement(command: StockCommand) {
  return { locationId: command.locationId, sku: command.sku, ref: command.ref, ...stamp(command) };
}

export function requireQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity <= 0) throw stockQuantityInvalid(quantity);
}

/** The invariant: what leaves never exceeds what is available (on hand less reserved). */
export function requireAvailable(stock: Stock, wanted: number): void {
  const available = availableOf(stock);
  if (wanted > available) throw stockInsufficient(stock.locationId, stock.sku, available, wanted);
}

/** A low-stock signal when available crosses below the minimum (not on every movement below it). */
export function lowStockSignal(command: StockCommand & { minimum?: number }, before: Stock, afterAvailable: number): StockEvent[] {
  const minimum = command.minimum;
  if (minimum === undefined || minimum <= 0) return [];
  if (availableOf(before) < minimum || afterAvailable >= minimum) return [];
  return [{ type: 'StockFellBelowMinimum', data: { ...movement(command), available: afterAvailable, minimum } }];
}

/** A count that may be zero (received, damaged). */
export function requireCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw stockQuantityInvalid(count);
}
