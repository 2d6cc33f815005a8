import fc from 'fast-check';
import { DomainError } from '@cs/eventstore';
import type { StockCommand } from './stock.commands.js';
import { stockDecider } from './stock.decider.js';
import { availableOf, type StockState } from './stock.state.js';

const actor = { id: 'a', role: 'warehouse' };
const base = { locationId: 'HQ', sku: 'G-1', now: '2026-01-05T00:00:00.000Z', actor };
const doc = fc.integer({ min: 1, max: 4 }).map((n) => ({ kind: 'gift_request' as const, id: `r-${n}` }));
const qty = fc.integer({ min: 1, max: 12 });

const command: fc.Arbitrary<StockCommand> = fc.oneof(
  qty.map((quantity) => ({ ...base, type: 'ReceiveStock' as const, ref: { kind: 'procurement_plan' as const, id: 'p' }, quantity })),
  fc.tuple(doc, qty).map(([ref, quantity]) => ({ ...base, type: 'ReserveStock' as const, ref, quantity, minimum: 3 })),
  fc.tuple(doc, qty).map(([ref, quantity]) => ({ ...base, type: 'DispatchStock' as const, ref, quantity, toLocationId: 'S001', minimum: 3 })),
  qty.map((quantity) => ({ ...base, type: 'IssueStock' as const, ref: { kind: 'issuance' as const, id: 'i' }, quantity })),
  qty.map((quantity) => ({ ...base, type: 'WriteOffStock' as const, ref: { kind: 'write_off' as const, id: 'w' }, quantity, reason: 'lost' as const })),
  fc.integer({ min: -12, max: 12 }).map((delta) => ({ ...base, type: 'AdjustStock' as const, ref: { kind: 'stocktake' as const, id: 's' }, delta })),
);

describe('Stock ledger invariant', () => {
  it('should never show negative on-hand, reserved or available, whatever the commands and refusals', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state: StockState = stockDecider.initialState();
        for (const c of commands) {
          try {
            for (const e of stockDecider.decide(c, state)) state = stockDecider.evolve(state, e);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          if (!state) continue;
          expect(state.onHand).toBeGreaterThanOrEqual(0);
          expect(state.reserved).toBeGreaterThanOrEqual(0);
          expect(availableOf(state)).toBeGreaterThanOrEqual(0);
          expect(state.reserved).toBe(Object.values(state.reservations).reduce((n, q) => n + q, 0));
        }
      }),
      { numRuns: 300 },
    );
  });
});
