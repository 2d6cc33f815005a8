import type { StockEvent } from './stock.events.js';
import { stockLifecycle } from './stock.lifecycle.js';
import { emptyStock, type Stock, type StockState } from './stock.state.js';
import { refKey } from './stock.values.js';

function without(record: Record<string, number>, key: string): Record<string, number> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

function apply(stock: Stock, event: StockEvent): Stock {
  const key = refKey(event.data.ref);
  switch (event.type) {
    case 'StockReceived':
    case 'StockIssuanceReversed':
      return { ...stock, onHand: stock.onHand + event.data.quantity };
    case 'StockReserved':
      return { ...stock, reserved: stock.reserved + event.data.quantity, reservations: { ...stock.reservations, [key]: event.data.quantity } };
    case 'StockDispatched':
      return {
        ...stock,
        onHand: stock.onHand - event.data.quantity,
        reserved: stock.reserved - event.data.fromReservation,
        reservations: without(stock.reservations, key),
      };
    case 'StockInboundDispatched':
      return { ...stock, inTransit: stock.inTransit + event.data.quantity, inbound: { ...stock.inbound, [key]: event.data.quantity } };
    case 'StockArrived':
      return {
        ...stock,
        inTransit: stock.inTransit - event.data.dispatched,
        onHand: stock.onHand + event.data.received - event.data.damaged,
        damagedOrLost: stock.damagedOrLost + event.data.dispatched - event.data.received + event.data.damaged,
        inbound: without(stock.inbound, key),
      };
    case 'StockIssued':
      return { ...stock, onHand: stock.onHand - event.data.quantity };
    case 'StockAdjusted':
      return { ...stock, onHand: stock.onHand + event.data.delta };
    case 'StockWrittenOff':
      return { ...stock, onHand: stock.onHand - event.data.quantity, damagedOrLost: stock.damagedOrLost + event.data.quantity };
    case 'StockFellBelowMinimum':
      return stock;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveStock(state: StockState, event: StockEvent): StockState {
  const stock = state ?? emptyStock(event.data.locationId, event.data.sku);
  return { ...apply(stock, event), status: stockLifecycle.statusAfter(event, state?.status) };
}
