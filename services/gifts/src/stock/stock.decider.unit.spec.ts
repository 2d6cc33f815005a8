import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { StockCommand } from './stock.commands.js';
import { stockDecider, stockKey, stockStreamId } from './stock.decider.js';
import type { StockEvent } from './stock.events.js';
import { emptyStock } from './stock.state.js';
import { locationKindOf, type StockRef } from './stock.values.js';

const spec = DeciderSpecification(stockDecider);
const T = '2026-01-05T02:00:00.000Z';
const warehouse: GiftsActor = { id: 'wh-1', role: 'warehouse' };
const SKU = 'GIFT-SCARF-01';
const plan: StockRef = { kind: 'procurement_plan', id: 'p-1' };
const request: StockRef = { kind: 'gift_request', id: 'r-1' };
const issuance: StockRef = { kind: 'issuance', id: 'i-1' };
const base = (ref: StockRef, locationId = 'HQ') => ({ locationId, sku: SKU, ref, at: T, by: warehouse.id });

function cmd<T extends StockCommand['type']>(
  type: T,
  fields: Omit<Extract<StockCommand, { type: T }>, 'type' | 'locationId' | 'sku' | 'now' | 'actor'>,
  locationId = 'HQ',
): StockCommand {
  return { type, locationId, sku: SKU, now: T, actor: warehouse, ...fields } as unknown as StockCommand;
}

const received = (quantity: number, locationId = 'HQ'): StockEvent => ({ type: 'StockReceived', data: { ...base(plan, locationId), quantity } });
const reserved = (quantity: number, ref = request): StockEvent => ({ type: 'StockReserved', data: { ...base(ref), quantity } });
const inbound = (quantity: number, ref = request): StockEvent => ({
  type: 'StockInboundDispatched',
  data: { ...base(ref, 's-1'), quantity, fromLocationId: 'HQ' },
});
const issued = (quantity: number, locationId = 's-1'): StockEvent => ({ type: 'StockIssued', data: { ...base(issuance, locationId), quantity } });

describe('Stock', () => {
  it('should keep one stream per location and SKU, and tell the warehouse from stores', () => {
    expect(stockStreamId(stockKey('s-1', SKU))).toBe('gift-stock-s-1|GIFT-SCARF-01');
    expect(locationKindOf('HQ')).toBe('hq');
    expect(locationKindOf('s-1')).toBe('store');
  });

  describe('when goods are received at HQ', () => {
    it('should open the ledger with the received quantity', () => {
      spec.given([]).when(cmd('ReceiveStock', { ref: plan, quantity: 100 })).then([received(100)]);
    });

    it.each([0, -3, 1.5])('should refuse a quantity of %p', (quantity) => {
      spec.given([]).when(cmd('ReceiveStock', { ref: plan, quantity })).thenThrows(DomainError, 'STOCK_QUANTITY_INVALID');
    });
  });

  describe('when an approved request reserves HQ stock', () => {
    it('should reserve what is available', () => {
      spec.given([received(10)]).when(cmd('ReserveStock', { ref: request, quantity: 10 })).then([reserved(10)]);
    });

    it('should refuse more than is available, counting earlier reservations', () => {
      spec
        .given([received(10), reserved(6, { kind: 'gift_request', id: 'r-0' })])
        .when(cmd('ReserveStock', { ref: request, quantity: 5 }))
        .thenThrows(DomainError, 'STOCK_INSUFFICIENT');
    });

    it('should refuse a second reservation for the same request', () => {
      spec.given([received(10), reserved(2)]).when(cmd('ReserveStock', { ref: request, quantity: 1 })).thenThrows(DomainError, 'STOCK_RESERVATION_EXISTS');
    });

    it('should signal low stock when available crosses below the minimum', () => {
      spec
        .given([received(10)])
        .when(cmd('ReserveStock', { ref: request, quantity: 6, minimum: 5 }))
        .then([reserved(6), { type: 'StockFellBelowMinimum', data: { ...base(request), available: 4, minimum: 5 } }]);
    });

    it('should not signal again when already below the minimum', () => {
      spec.given([received(4)]).when(cmd('ReserveStock', { ref: request, quantity: 1, minimum: 5 })).then([reserved(1)]);
    });
  });

  describe('when HQ dispatches', () => {
    it('should consume the request reservation', () => {
      spec
        .given([received(10), reserved(4)])
        .when(cmd('DispatchStock', { ref: request, quantity: 4, toLocationId: 's-1' }))
        .then([{ type: 'StockDispatched', data: { ...base(request), quantity: 4, fromReservation: 4, toLocationId: 's-1' } }]);
    });

    it('should dispatch a new-store kit from unreserved stock', () => {
      const kit: StockRef = { kind: 'gift_request', id: 'kit-1' };
      spec
        .given([received(10), reserved(4)])
        .when(cmd('DispatchStock', { ref: kit, quantity: 6, toLocationId: 's-9' }))
        .then([{ type: 'StockDispatched', data: { ...base(kit), quantity: 6, fromReservation: 0, toLocationId: 's-9' } }]);
    });

    it('should refuse a kit larger than the unreserved stock', () => {
      const kit: StockRef = { kind: 'gift_request', id: 'kit-1' };
      spec
        .given([received(10), reserved(4)])
        .when(cmd('DispatchStock', { ref: kit, quantity: 7, toLocationId: 's-9' }))
        .thenThrows(DomainError, 'STOCK_INSUFFICIENT');
    });
  });

  describe('when a shipment is on its way to a store', () => {
    it('should show it in transit at the destination', () => {
      spec.given([]).when(cmd('RecordInboundDispatch', { ref: request, quantity: 4, fromLocationId: 'HQ' }, 's-1')).then([inbound(4)]);
    });

    it('should refuse the same shipment twice', () => {
      spec
        .given([inbound(4)])
        .when(cmd('RecordInboundDispatch', { ref: request, quantity: 4, fromLocationId: 'HQ' }, 's-1'))
        .thenThrows(DomainError, 'STOCK_SHIPMENT_EXISTS');
    });

    it('should take good units into on-hand and clear the transit on arrival', () => {
      spec
        .given([inbound(4)])
        .when(cmd('RecordArrival', { ref: request, received: 4, damaged: 1 }, 's-1'))
        .then([{ type: 'StockArrived', data: { ...base(request, 's-1'), dispatched: 4, received: 4, damaged: 1 } }]);
      const state = [inbound(4), { type: 'StockArrived', data: { ...base(request, 's-1'), dispatched: 4, received: 3, damaged: 1 } } as StockEvent].reduce(
        stockDecider.evolve,
        stockDecider.initialState(),
      );
      expect(state).toMatchObject({ onHand: 2, inTransit: 0, damagedOrLost: 2, inbound: {} });
    });

    it('should refuse an arrival for an unknown shipment', () => {
      spec.given([]).when(cmd('RecordArrival', { ref: request, received: 1, damaged: 0 }, 's-1')).thenThrows(DomainError, 'STOCK_SHIPMENT_UNKNOWN');
    });

    it('should refuse receiving more than was dispatched', () => {
      spec.given([inbound(4)]).when(cmd('RecordArrival', { ref: request, received: 5, damaged: 0 }, 's-1')).thenThrows(DomainError, 'STOCK_ARRIVAL_EXCEEDS_DISPATCH');
    });

    it('should refuse more damaged units than received', () => {
      spec.given([inbound(4)]).when(cmd('RecordArrival', { ref: request, received: 2, damaged: 3 }, 's-1')).thenThrows(DomainError, 'STOCK_DAMAGED_EXCEEDS_RECEIVED');
    });

    it('should refuse a negative count', () => {
      spec.given([inbound(4)]).when(cmd('RecordArrival', { ref: request, received: -1, damaged: 0 }, 's-1')).thenThrows(DomainError, 'STOCK_QUANTITY_INVALID');
    });
  });

  describe('when a store issues and reverses', () => {
    const stocked: StockEvent = { type: 'StockArrived', data: { ...base(request, 's-1'), dispatched: 2, received: 2, damaged: 0 } };

    it('should issue what is on hand', () => {
      spec.given([inbound(2), stocked]).when(cmd('IssueStock', { ref: issuance, quantity: 2 }, 's-1')).then([issued(2)]);
    });

    it('should never go negative', () => {
      spec.given([inbound(2), stocked, issued(2)]).when(cmd('IssueStock', { ref: issuance, quantity: 1 }, 's-1')).thenThrows(DomainError, 'STOCK_INSUFFICIENT');
    });

    it('should refuse issuing from an empty ledger', () => {
      spec.given([]).when(cmd('IssueStock', { ref: issuance, quantity: 1 }, 's-1')).thenThrows(DomainError, 'STOCK_INSUFFICIENT');
    });

    it('should put a reversed issuance back', () => {
      spec
        .given([inbound(2), stocked, issued(2)])
        .when(cmd('ReverseIssuedStock', { ref: issuance, quantity: 2 }, 's-1'))
        .then([{ type: 'StockIssuanceReversed', data: { ...base(issuance, 's-1'), quantity: 2 } }]);
    });

    it('should refuse reversing zero units', () => {
      spec.given([]).when(cmd('ReverseIssuedStock', { ref: issuance, quantity: 0 }, 's-1')).thenThrows(DomainError, 'STOCK_QUANTITY_INVALID');
    });
  });

  describe('when stock is written off or adjusted', () => {
    const writeOff: StockRef = { kind: 'write_off', id: 'w-1' };
    const count: StockRef = { kind: 'stocktake', id: 'st-1' };

    it('should write off damaged units with the reason', () => {
      spec
        .given([received(3)])
        .when(cmd('WriteOffStock', { ref: writeOff, quantity: 1, reason: 'damaged', note: 'Water leak' }))
        .then([{ type: 'StockWrittenOff', data: { ...base(writeOff), quantity: 1, reason: 'damaged', note: 'Water leak' } }]);
    });

    it('should refuse writing off more than is available', () => {
      spec.given([received(3), reserved(3)]).when(cmd('WriteOffStock', { ref: writeOff, quantity: 1, reason: 'lost' })).thenThrows(DomainError, 'STOCK_INSUFFICIENT');
    });

    it('should adjust up and down by the approved variance', () => {
      spec.given([received(3)]).when(cmd('AdjustStock', { ref: count, delta: 2 })).then([{ type: 'StockAdjusted', data: { ...base(count), delta: 2 } }]);
      spec
        .given([received(3)])
        .when(cmd('AdjustStock', { ref: count, delta: -3, minimum: 1 }))
        .then([
          { type: 'StockAdjusted', data: { ...base(count), delta: -3 } },
          { type: 'StockFellBelowMinimum', data: { ...base(count), available: 0, minimum: 1 } },
        ]);
    });

    it('should refuse an adjustment below zero or of nothing', () => {
      spec.given([received(3)]).when(cmd('AdjustStock', { ref: count, delta: -4 })).thenThrows(DomainError, 'STOCK_INSUFFICIENT');
      spec.given([received(3)]).when(cmd('AdjustStock', { ref: count, delta: 0 })).thenThrows(DomainError, 'STOCK_QUANTITY_INVALID');
    });
  });

  it('should fold every figure from the movements', () => {
    const events: StockEvent[] = [received(10), reserved(4), { type: 'StockDispatched', data: { ...base(request), quantity: 4, fromReservation: 4, toLocationId: 's-1' } }];
    expect(events.reduce(stockDecider.evolve, stockDecider.initialState())).toEqual({
      ...emptyStock('HQ', SKU),
      onHand: 6,
      reserved: 0,
    });
  });
});
