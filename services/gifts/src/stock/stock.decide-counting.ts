import type { AdjustStock } from './stock.commands.js';
import { stockQuantityInvalid } from './stock.errors.js';
import type { StockEvent } from './stock.events.js';
import { availableOf, type Stock } from './stock.state.js';
import { lowStockSignal, movement, requireAvailable } from './stock.guards.js';

/** A stocktake's approved variance, applied to the live ledger so movements during the count stay. */
export function decideAdjustStock(command: AdjustStock, stock: Stock): StockEvent[] {
  if (!Number.isInteger(command.delta) || command.delta === 0) throw stockQuantityInvalid(command.delta);
  if (command.delta < 0) requireAvailable(stock, -command.delta);
  return [
    { type: 'StockAdjusted', data: { ...movement(command), delta: command.delta } },
    ...(command.delta < 0 ? lowStockSignal(command, stock, availableOf(stock) + command.delta) : []),
  ];
}
