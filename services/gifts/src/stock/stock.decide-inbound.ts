import type { RecordArrival, RecordInboundDispatch, ReceiveStock, ReverseIssuedStock } from './stock.commands.js';
import { stockArrivalExceedsDispatch, stockDamagedExceedsReceived, stockShipmentExists, stockShipmentUnknown } from './stock.errors.js';
import type { StockEvent } from './stock.events.js';
import type { Stock } from './stock.state.js';
import { refKey } from './stock.values.js';
import { movement, requireCount, requireQuantity } from './stock.guards.js';

export function decideReceiveStock(command: ReceiveStock): StockEvent[] {
  requireQuantity(command.quantity);
  return [{ type: 'StockReceived', data: { ...movement(command), quantity: command.quantity } }];
}

export function decideRecordInboundDispatch(command: RecordInboundDispatch, stock: Stock): StockEvent[] {
  requireQuantity(command.quantity);
  const key = refKey(command.ref);
  if (stock.inbound[key] !== undefined) throw stockShipmentExists(key);
  return [
    {
      type: 'StockInboundDispatched',
      data: { ...movement(command), quantity: command.quantity, fromLocationId: command.fromLocationId },
    },
  ];
}

export function decideRecordArrival(command: RecordArrival, stock: Stock): StockEvent[] {
  const key = refKey(command.ref);
  const dispatched = stock.inbound[key];
  if (dispatched === undefined) throw stockShipmentUnknown(key);
  requireCount(command.received);
  requireCount(command.damaged);
  if (command.received > dispatched) throw stockArrivalExceedsDispatch(command.sku, command.received, dispatched);
  if (command.damaged > command.received) throw stockDamagedExceedsReceived(command.sku, command.damaged, command.received);
  return [
    {
      type: 'StockArrived',
      data: { ...movement(command), dispatched, received: command.received, damaged: command.damaged },
    },
  ];
}

export function decideReverseIssuedStock(command: ReverseIssuedStock): StockEvent[] {
  requireQuantity(command.quantity);
  return [{ type: 'StockIssuanceReversed', data: { ...movement(command), quantity: command.quantity } }];
}
