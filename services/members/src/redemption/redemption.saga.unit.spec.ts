import { DomainError } from '@cs/eventstore';
import type { LoyaltyAccountCommand } from '../loyalty-account/loyalty-account.commands.js';
import { loyaltyAccountDecider } from '../loyalty-account/loyalty-account.decider.js';
import { availablePoints, heldPoints, type LoyaltyAccount } from '../loyalty-account/loyalty-account.state.js';
import { cmd as ledgerCmd, day } from '../loyalty-account/loyalty-account.test-fixtures.js';
import type { RedemptionCommand } from './redemption.commands.js';
import { redemptionDecider } from './redemption.decider.js';
import { nextRedemptionStep } from './redemption.next-step.js';
import type { Redemption } from './redemption.state.js';
import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';

type GiftsStub = 'issue' | 'refuse' | 'silent';
const system = { id: 'system', role: 'system' };

/** Drives one redemption the way the reactor will: next step from state, ledger call, answer recorded. */
function run(gifts: GiftsStub, points: number, opts: { lateIssue?: boolean; spendBeforeLate?: number } = {}) {
  let account = [
    ledgerCmd('OpenLoyaltyAccount', { storeId: 's' }),
    ledgerCmd('RecordPurchase', { receiptNo: 'R1', storeId: 's', channel: 'store', amount: 50_000, itemCount: 1, purchasedAt: day(1), now: day(1) }),
    ledgerCmd('ProcessDueLots', { now: day(9) }),
  ].reduce<LoyaltyAccount | null>((s, c) => loyaltyAccountDecider.decide(c, s).reduce(loyaltyAccountDecider.evolve, s), null)!;
  const ledger = (c: LoyaltyAccountCommand) => (account = loyaltyAccountDecider.decide(c, account).reduce(loyaltyAccountDecider.evolve, account) as LoyaltyAccount);
  let r: Redemption | null = null;
  const saga = (c: RedemptionCommand) => (r = redemptionDecider.decide(c, r).reduce(redemptionDecider.evolve, r));
  const now = day(10);
  const base = { redemptionId: 'X1', now, actor: system };
  saga({ ...base, type: 'RequestRedemption', memberId: 'm-1', storeId: 's', giftSku: 'GIFT-MUG', quantity: 1, pointsPrice: points, rules: { revision: 1, rules: DEFAULT_LOYALTY_RULES } });
  for (let guard = 0; guard < 10; guard++) {
    const step = nextRedemptionStep(r!);
    if (step.kind === 'none') break;
    if (step.kind === 'hold_points' || step.kind === 'charge_late') {
      try {
        ledger(ledgerCmd('HoldPoints', { holdId: step.holdId, redemptionId: 'X1', points: step.points, now }));
        if (step.kind === 'hold_points') saga({ ...base, type: 'RecordPointsHeld' });
        else ledger(ledgerCmd('ConfirmHold', { holdId: step.holdId, now })), saga({ ...base, type: 'RecordHoldConfirmed' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const refusal = { ...base, reason: 'insufficient_points' as const, available: availablePoints(account) };
        saga(step.kind === 'hold_points' ? { ...refusal, type: 'RecordHoldRefused' } : { ...refusal, type: 'RecordLateChargeRefused' });
      }
    } else if (step.kind === 'issue_gift') {
      if (gifts === 'issue') saga({ ...base, type: 'RecordGiftIssued', issuanceId: 'I1', issuedAt: now });
      if (gifts === 'refuse') saga({ ...base, type: 'RecordGiftRefused', reason: 'out_of_stock' });
      if (gifts === 'silent') saga({ ...base, type: 'TimeOutRedemption', now: step.timeoutAt });
    } else if (step.kind === 'confirm_hold') {
      ledger(ledgerCmd('ConfirmHold', { holdId: step.holdId, now }));
      saga({ ...base, type: 'RecordHoldConfirmed' });
    } else if (step.kind === 'release_hold') {
      ledger(ledgerCmd('ReleaseHold', { holdId: step.holdId, reason: step.reason, now }));
      saga({ ...base, type: 'RecordHoldReleased' });
      if (opts.lateIssue) {
        if (opts.spendBeforeLate) ledger(ledgerCmd('HoldPoints', { holdId: 'other', redemptionId: 'Y', points: opts.spendBeforeLate, now }));
        saga({ ...base, type: 'RecordGiftIssued', issuanceId: 'I1', issuedAt: now });
        opts.lateIssue = false;
      }
    }
  }
  return { redemption: r!, available: availablePoints(account), held: heldPoints(account) };
}

describe('Redemption saga against the points ledger and a gifts stub', () => {
  it('should spend the points when gifts issues the gift', () => {
    expect(run('issue', 300)).toMatchObject({ redemption: { status: 'confirmed' }, available: 200, held: 0 });
  });

  it('should give the points back when gifts refuses', () => {
    expect(run('refuse', 300)).toMatchObject({ redemption: { status: 'released', releaseReason: 'gift_refused' }, available: 500, held: 0 });
  });

  it('should give the points back when gifts stays silent past the time-out', () => {
    expect(run('silent', 300)).toMatchObject({ redemption: { status: 'released', releaseReason: 'timed_out' }, available: 500, held: 0 });
  });

  it('should refuse without asking gifts when the points are not there', () => {
    expect(run('issue', 501)).toMatchObject({ redemption: { status: 'refused' }, available: 500, held: 0 });
  });

  it('should charge a gift issued after the time-out, or flag it when the points are gone', () => {
    expect(run('silent', 300, { lateIssue: true })).toMatchObject({ redemption: { status: 'confirmed' }, available: 200 });
    expect(run('silent', 300, { lateIssue: true, spendBeforeLate: 400 })).toMatchObject({ redemption: { status: 'needs_attention' }, available: 100 });
  });
});
