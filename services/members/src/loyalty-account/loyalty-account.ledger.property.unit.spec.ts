import { DomainError } from '@cs/eventstore';
import fc from 'fast-check';
import type { LoyaltyAccountCommand } from './loyalty-account.commands.js';
import { loyaltyAccountDecider } from './loyalty-account.decider.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { availablePoints, type LoyaltyAccount } from './loyalty-account.state.js';
import { cmd, day, OPENED, rulesWith } from './loyalty-account.test-fixtures.js';
import { pointsDueBack } from './loyalty-account.values.js';

/** Short vesting and expiry so random sequences cross both often. */
const RULES = rulesWith({ earnRate: { points: 3, perAmount: 200 }, vestingDays: 3, lotExpiryDays: 20 });

type Step =
  | { kind: 'buy'; amount: number }
  | { kind: 'refund'; pick: number; share: number }
  | { kind: 'hold'; points: number }
  | { kind: 'confirm'; pick: number }
  | { kind: 'release'; pick: number }
  | { kind: 'wait'; hours: number }
  | { kind: 'close' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('buy' as const), amount: fc.integer({ min: 1, max: 200_000 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('hold' as const), points: fc.integer({ min: 1, max: 3_000 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 0, max: 24 * 25 }) }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'close' as const }), weight: 1 },
);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function commandFor(s: Step, account: LoyaltyAccount, now: string, n: number): LoyaltyAccountCommand | null {
  const purchases = Object.values(account.purchases);
  const holds = Object.values(account.holds);
  switch (s.kind) {
    case 'buy':
      return cmd('RecordPurchase', { receiptNo: `R${n}`, storeId: 's', channel: 'store', amount: s.amount, itemCount: 1, purchasedAt: now, now, rules: RULES });
    case 'refund': {
      if (purchases.length === 0) return null;
      const p = purchases[s.pick % purchases.length];
      const amount = Math.max(1, Math.ceil((p.amount - p.refunded) * s.share));
      return cmd('RecordRefund', { refundId: `F${n}`, receiptNo: p.receiptNo, amount, now });
    }
    case 'hold':
      return cmd('HoldPoints', { holdId: `H${n}`, redemptionId: `X${n}`, points: s.points, now });
    case 'confirm':
    case 'release': {
      if (holds.length === 0) return null;
      const holdId = holds[s.pick % holds.length].holdId;
      return s.kind === 'confirm' ? cmd('ConfirmHold', { holdId, now }) : cmd('ReleaseHold', { holdId, reason: 'gift_refused', now });
    }
    case 'wait':
      return cmd('ProcessDueLots', { now });
    case 'close':
      return cmd('CloseLoyaltyAccount', { reason: 'test', now });
  }
}

/** Totals straight from the events, independent of `evolve`. */
function fromEvents(events: LoyaltyAccountEvent[]) {
  const t = { earned: 0, spent: 0, expired: 0, reversed: 0, held: 0, debt: 0, forfeited: 0 };
  for (const e of events) {
    if (e.type === 'PointsEarned') t.earned += e.data.points;
    if (e.type === 'PointsRedeemed') (t.spent += e.data.points), (t.held -= e.data.points);
    if (e.type === 'PointsHeld') t.held += e.data.points;
    if (e.type === 'PointsHoldReleased') t.held -= e.data.points;
    if (e.type === 'PointsExpired') t.expired += e.data.points;
    if (e.type === 'PointsDebtSettled') (t.reversed += e.data.points), (t.debt -= e.data.points);
    if (e.type === 'LoyaltyAccountClosed') (t.forfeited += e.data.forfeitedPoints), (t.debt -= e.data.debtWrittenOff);
    if (e.type === 'PointsReversed') {
      const fromExpired = sum(e.data.fromExpired.map((x) => x.points));
      t.reversed += sum(e.data.fromRemaining.map((x) => x.points)) + fromExpired;
      t.expired -= fromExpired;
      t.debt += e.data.debtIncurred;
    }
  }
  return t;
}

function checkLedger(account: LoyaltyAccount, events: LoyaltyAccountEvent[], now: string, afterDueRun: boolean): void {
  for (const lot of account.lots) {
    for (const v of [lot.remaining, lot.held, lot.spent, lot.expired, lot.reversed, lot.forfeited]) expect(v).toBeGreaterThanOrEqual(0);
    expect(lot.remaining + lot.held + lot.spent + lot.expired + lot.reversed + lot.forfeited).toBe(lot.points);
    if (afterDueRun && Date.parse(lot.vestsAt) <= Date.parse(now)) expect(lot.vested).toBe(true);
    if (afterDueRun && Date.parse(lot.expiresAt) <= Date.parse(now)) expect(lot.remaining).toBe(0);
  }
  const t = fromEvents(events);
  const lots = account.lots;
  expect(sum(lots.map((l) => l.points))).toBe(t.earned);
  expect(sum(lots.map((l) => l.spent))).toBe(t.spent);
  expect(sum(lots.map((l) => l.held))).toBe(t.held);
  expect(sum(lots.map((l) => l.expired))).toBe(t.expired);
  expect(sum(lots.map((l) => l.reversed))).toBe(t.reversed);
  expect(sum(lots.map((l) => l.forfeited))).toBe(t.forfeited);
  expect(sum(lots.map((l) => l.remaining))).toBe(t.earned - t.spent - t.held - t.expired - t.reversed - t.forfeited);
  expect(account.debt).toBe(t.debt);
  expect(account.debt).toBeGreaterThanOrEqual(0);
  if (account.debt > 0) expect(availablePoints(account)).toBe(0);
  // every refunded point is taken back: from a lot, as debt, or as debt written off at closing
  const dueBack = sum(Object.values(account.purchases).map(pointsDueBack));
  expect(t.reversed + t.debt + writtenOff(events)).toBe(dueBack);
  const holds = Object.values(account.holds);
  expect(sum(holds.filter((h) => h.status === 'held').map((h) => h.points))).toBe(t.held);
  expect(sum(holds.filter((h) => h.status === 'confirmed').map((h) => h.points))).toBe(t.spent);
}

const writtenOff = (events: LoyaltyAccountEvent[]) =>
  sum(events.map((e) => (e.type === 'LoyaltyAccountClosed' ? e.data.debtWrittenOff : 0)));

describe('LoyaltyAccount ledger (property)', () => {
  it('should never lose or invent a point over random purchases, refunds, redemptions, vesting and expiry', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const { decide, evolve } = loyaltyAccountDecider;
        const events: LoyaltyAccountEvent[] = decide(cmd('OpenLoyaltyAccount', { storeId: 's', rules: RULES }), null);
        let account = events.reduce(evolve, null) as LoyaltyAccount;
        let now = OPENED;
        steps.forEach((s, n) => {
          if (s.kind === 'wait') now = day(s.hours / 24, now);
          const command = commandFor(s, account, now, n);
          if (!command) return;
          const availableBefore = availablePoints(account);
          let produced: LoyaltyAccountEvent[];
          try {
            produced = decide(command, account);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            if (command.type === 'HoldPoints' && error.code === 'INSUFFICIENT_POINTS') expect(command.points).toBeGreaterThan(availableBefore);
            return;
          }
          if (command.type === 'HoldPoints' && produced.length > 0) expect(command.points).toBeLessThanOrEqual(availableBefore);
          events.push(...produced);
          account = produced.reduce(evolve, account) as LoyaltyAccount;
          checkLedger(account, events, now, s.kind === 'wait' && account.status !== 'closed');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('should give the same ledger whether due lots are processed often or once at the end', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 40 }), (amounts, days) => {
        const { decide, evolve } = loyaltyAccountDecider;
        const run = (ticks: number[]) => {
          let account = decide(cmd('OpenLoyaltyAccount', { storeId: 's', rules: RULES }), null).reduce(evolve, null) as LoyaltyAccount;
          const apply = (c: LoyaltyAccountCommand) => (account = decide(c, account).reduce(evolve, account) as LoyaltyAccount);
          amounts.forEach((amount, i) => apply(cmd('RecordPurchase', { receiptNo: `R${i}`, storeId: 's', channel: 'store', amount, itemCount: 1, purchasedAt: day(i), now: day(i), rules: RULES })));
          for (const t of ticks) apply(cmd('ProcessDueLots', { now: day(t) }));
          return account.lots.map(({ lotId, remaining, expired, vested }) => ({ lotId, remaining, expired, vested }));
        };
        const end = amounts.length + days;
        expect(run(Array.from({ length: end }, (_, i) => i + 1))).toEqual(run([end]));
      }),
      { numRuns: 100 },
    );
  });
});
