import type { DispatchStock, IssueStock, ReserveStock, WriteOffStock } from './stock.commands.js';
import { stockReservationExists } from './stock.errors.js';
import type { StockEvent } from './stock.events.js';
import { availableOf, type Stock } from './stock.state.js';
import { refKey } from './stock.values.js';
import { compact } from '@cs/eventstore';
import { lowStockSignal, movement, requireAvailable, requireQuantity } from './stock.guards.js';

export function decideReserveStock(command: ReserveStock, stock: Stock): StockEvent[] {
  requireQuantity(command.quantity);
  const key = refKey(command.ref);
  if (stock.reservations[key] !== undefined) throw stockReservationExists(key);
  requireAvailable(stock, command.quantity);
  return [
    { type: 'StockReserved', data: { ...movement(command), quantity: command.quantity } },
    ...lowStockSignal(command, stock, availableOf(stock) - command.quantity),
  ];
}

/** Consumes the document's reservation first; anything beyond it must be available. */
export function decideDispatchStock(command: DispatchStock, stock: Stock): StockEvent[] {
  requireQuantity(command.quantity);
  const reservedForIt = Math.min(stock.reservations[refKey(command.ref)] ?? 0, command.quantity);
  const unreserved = command.quantity - reservedForIt;
  requireAvailable(stock, unreserved);
  const released = stock.reservations[refKey(command.ref)] ?? 0;
  const afterAvailable = stock.onHand - command.quantity - (stock.reserved - released);
  return [
    {
      type: 'StockDispatched',
      data: { ...movement(command), quantity: command.quantity, fromReservation: released, toLocationId: command.toLocationId },
    },
    ...lowStockSignal(command, stock, afterAvailable),
  ];
}

export function decideIssueStock(command: IssueStock, stock: Stock): StockEvent[] {
  requireQuantity(command.quantity);
  requireAvailable(stock, command.quantity);
  return [
    { type: 'StockIssued', data: { ...movement(command), quantity: command.quantity } },
    ...lowStockSignal(command, stock, availableOf(stock) - command.quantity),
  ];
}

export function decideWriteOffStock(command: WriteOffStock, stock: Stock): StockEvent[] {
  requireQuantity(command.quantity);
  requireAvailable(stock, command.quantity);
  return [
    { type: 'StockWrittenOff', data: compact({ ...movement(command), quantity: command.quantity, reason: command.reason, note: command.note }) },
    ...lowStockSignal(command, stock, availableOf(stock) - command.quantity),
  ];
}
