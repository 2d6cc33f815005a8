import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { DefineGift } from './gift.commands.js';
import { giftDecider, giftStreamId } from './gift.decider.js';
import type { GiftEvent } from './gift.events.js';

const spec = DeciderSpecification(giftDecider);
const T = '2026-01-05T02:00:00.000Z';
const manager: GiftsActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const define: DefineGift = {
  type: 'DefineGift',
  sku: 'GIFT-SCARF-01',
  name: 'Silk scarf',
  spec: '90x90cm',
  unit: 'piece',
  unitCost: 3500,
  pointsPrice: 1200,
  minStock: { hq: 50, store: 5 },
  now: T,
  actor: manager,
};
const defined: GiftEvent = {
  type: 'GiftDefined',
  data: { sku: 'GIFT-SCARF-01', name: 'Silk scarf', spec: '90x90cm', unit: 'piece', unitCost: 3500, pointsPrice: 1200, minStock: { hq: 50, store: 5 }, highValue: false, at: T, by: 'mgr-1' },
};
const stamp = { at: T, by: 'mgr-1' };

describe('Gift', () => {
  it('should be streamed by SKU', () => expect(giftStreamId('G-1')).toBe('gift-G-1'));

  describe('when defined', () => {
    it('should record the catalogue item, active and not high-value by default', () => {
      spec.given([]).when(define).then([defined]);
    });

    it('should refuse a SKU already in the catalogue', () => {
      spec.given([defined]).when(define).thenThrows(DomainError, 'GIFT_ALREADY_EXISTS');
    });

    it.each([
      ['unitCost', { unitCost: -1 }],
      ['minStock.store', { minStock: { hq: 1, store: 1.5 } }],
    ])('should refuse a bad %s', (_f, change) => {
      spec.given([]).when({ ...define, ...change }).thenThrows(DomainError, 'GIFT_VALUE_INVALID');
    });
  });

  describe('when updated', () => {
    it('should record only what changed', () => {
      spec
        .given([defined])
        .when({ type: 'UpdateGift', sku: 'GIFT-SCARF-01', name: 'Silk scarf', unitCost: 3600, now: T, actor: manager })
        .then([{ type: 'GiftUpdated', data: { unitCost: 3600, ...stamp } }]);
    });

    it('should change nothing when nothing differs', () => {
      spec.given([defined]).when({ type: 'UpdateGift', sku: 'GIFT-SCARF-01', minStock: { hq: 50, store: 5 }, now: T, actor: manager }).thenNothingHappens();
    });

    it('should deactivate and reactivate', () => {
      spec.given([defined]).when({ type: 'UpdateGift', sku: 'GIFT-SCARF-01', active: false, now: T, actor: manager }).then([{ type: 'GiftDeactivated', data: stamp }]);
      spec
        .given([defined, { type: 'GiftDeactivated', data: stamp }])
        .when({ type: 'UpdateGift', sku: 'GIFT-SCARF-01', active: true, now: T, actor: manager })
        .then([{ type: 'GiftReactivated', data: stamp }]);
    });

    it('should refuse an unknown SKU', () => {
      spec.given([]).when({ type: 'UpdateGift', sku: 'G-404', name: 'x', now: T, actor: manager }).thenThrows(DomainError, 'GIFT_NOT_FOUND');
    });

    it('should fold the changes into the state', () => {
      const state = [defined, { type: 'GiftUpdated', data: { pointsPrice: 1500, ...stamp } } as GiftEvent, { type: 'GiftDeactivated', data: stamp } as GiftEvent].reduce(
        giftDecider.evolve,
        giftDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'inactive', pointsPrice: 1500, unitCost: 3500 });
    });
  });
});
