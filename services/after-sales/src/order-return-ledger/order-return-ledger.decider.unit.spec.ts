import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { RequestActor } from '../common/after-sales.values.js';
import type { ClaimReturnQuantities, ReleaseReturnQuantities } from './order-return-ledger.commands.js';
import { orderReturnLedgerDecider, orderReturnLedgerStreamId } from './order-return-ledger.decider.js';
import type { OrderReturnLedgerEvent } from './order-return-ledger.events.js';

const spec = DeciderSpecification(orderReturnLedgerDecider);
const T0 = '2026-06-03T02:00:00.000Z';
const staff: RequestActor = { id: 'staff-1', role: 'store_staff' };
const stampOf = { at: T0, by: staff.id };

const claim = (requestId: string, lines: ClaimReturnQuantities['lines']): ClaimReturnQuantities => ({
  type: 'ClaimReturnQuantities',
  orderRef: 'POS-778',
  requestId,
  lines,
  now: T0,
  actor: staff,
});
const release = (requestId: string): ReleaseReturnQuantities => ({ type: 'ReleaseReturnQuantities', orderRef: 'POS-778', requestId, reason: 'cancelled', now: T0, actor: staff });
const claimed = (requestId: string, lines: Array<{ sku: string; quantity: number; purchasedQuantity: number }>): OrderReturnLedgerEvent => ({
  type: 'ReturnQuantitiesClaimed',
  data: { orderRef: 'POS-778', requestId, lines, ...stampOf },
});

describe('OrderReturnLedger', () => {
  it('should keep one stream per order reference', () => {
    expect(orderReturnLedgerStreamId('POS-778')).toBe('order-returns-POS-778');
  });

  describe('when a request claims quantities', () => {
    it('should open the ledger with the purchased quantity given', () => {
      spec.given([]).when(claim('r-1', [{ sku: 'A', quantity: 1, purchasedQuantity: 3 }])).then([claimed('r-1', [{ sku: 'A', quantity: 1, purchasedQuantity: 3 }])]);
    });

    it('should keep the first purchased quantity given for the line', () => {
      spec
        .given([claimed('r-1', [{ sku: 'A', quantity: 1, purchasedQuantity: 3 }])])
        .when(claim('r-2', [{ sku: 'A', quantity: 2, purchasedQuantity: 9 }]))
        .then([claimed('r-2', [{ sku: 'A', quantity: 2, purchasedQuantity: 3 }])]);
    });

    it('should refuse more than was bought across requests, naming what is left', () => {
      const run = () =>
        [claimed('r-1', [{ sku: 'A', quantity: 2, purchasedQuantity: 3 }])].reduce(orderReturnLedgerDecider.evolve, null);
      expect(() => orderReturnLedgerDecider.decide(claim('r-2', [{ sku: 'A', quantity: 2 }]), run())).toThrow(
        expect.objectContaining({ code: 'RETURN_QUANTITY_EXCEEDS_PURCHASED', details: expect.objectContaining({ available: 1, alreadyReturned: 2 }) }),
      );
    });

    it('should take the first claim as the bought quantity when none was given', () => {
      spec
        .given([claimed('r-1', [{ sku: 'A', quantity: 1, purchasedQuantity: 1 }])])
        .when(claim('r-2', [{ sku: 'A', quantity: 1, purchasedQuantity: 2 }]))
        .thenThrows(DomainError, 'RETURN_QUANTITY_EXCEEDS_PURCHASED');
    });

    it('should count lines separately', () => {
      spec
        .given([claimed('r-1', [{ sku: 'A', quantity: 3, purchasedQuantity: 3 }])])
        .when(claim('r-2', [{ sku: 'B', quantity: 1 }]))
        .then([claimed('r-2', [{ sku: 'B', quantity: 1, purchasedQuantity: 1 }])]);
    });

    it('should do nothing for a request that already claimed, or claims nothing', () => {
      spec.given([claimed('r-1', [{ sku: 'A', quantity: 1, purchasedQuantity: 3 }])]).when(claim('r-1', [{ sku: 'A', quantity: 1 }])).thenNothingHappens();
      spec.given([]).when(claim('r-1', [])).thenNothingHappens();
    });

    it.each([0, 1.5])('should refuse a quantity of %p', (quantity) => {
      spec.given([]).when(claim('r-1', [{ sku: 'A', quantity }])).thenThrows(DomainError, 'INVALID_ITEMS');
    });
  });

  describe('when a request releases its quantities', () => {
    const given = [claimed('r-1', [{ sku: 'A', quantity: 2, purchasedQuantity: 3 }, { sku: 'B', quantity: 1, purchasedQuantity: 1 }])];

    it('should release every line it claimed, making room again', () => {
      spec.given(given).when(release('r-1')).then([
        { type: 'ReturnQuantitiesReleased', data: { requestId: 'r-1', lines: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], reason: 'cancelled', ...stampOf } },
      ]);
      spec
        .given([...given, { type: 'ReturnQuantitiesReleased', data: { requestId: 'r-1', lines: [{ sku: 'A', quantity: 2 }], reason: 'cancelled', ...stampOf } }])
        .when(claim('r-2', [{ sku: 'A', quantity: 3 }]))
        .then([claimed('r-2', [{ sku: 'A', quantity: 3, purchasedQuantity: 3 }])]);
    });

    it('should do nothing for a request without a claim or an order never claimed', () => {
      spec.given(given).when(release('r-9')).thenNothingHappens();
      spec.given([]).when(release('r-1')).thenNothingHappens();
    });
  });
});
