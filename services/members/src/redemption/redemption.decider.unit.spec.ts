import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';
import type { RedemptionCommand } from './redemption.commands.js';
import { redemptionDecider, redemptionStreamId } from './redemption.decider.js';
import type { RedemptionEvent } from './redemption.events.js';
import { nextRedemptionStep } from './redemption.next-step.js';
import type { Redemption } from './redemption.state.js';

const spec = DeciderSpecification(redemptionDecider);
const T0 = '2026-03-01T02:00:00.000Z';
const T1 = '2026-03-01T02:05:00.000Z';
const TIMEOUT = '2026-03-01T02:30:00.000Z';
const staff = { id: 'staff-1', role: 'store_staff' };
const system = { id: 'system', role: 'system' };
const RULES = { revision: 3, rules: DEFAULT_LOYALTY_RULES };

type Cmd<T extends RedemptionCommand['type']> = Extract<RedemptionCommand, { type: T }>;
const cmd = <T extends RedemptionCommand['type']>(type: T, extra: Partial<Omit<Cmd<T>, 'type'>> = {}): Cmd<T> =>
  ({ type, redemptionId: 'X1', now: T1, actor: system, ...extra }) as unknown as Cmd<T>;

const request = (extra: Partial<Cmd<'RequestRedemption'>> = {}) =>
  cmd('RequestRedemption', { memberId: 'm-1', storeId: 'store-1', giftSku: 'GIFT-MUG', quantity: 2, pointsPrice: 150, rules: RULES, now: T0, actor: staff, ...extra });

const requested: RedemptionEvent = {
  type: 'RedemptionRequested',
  data: {
    redemptionId: 'X1',
    memberId: 'm-1',
    storeId: 'store-1',
    giftSku: 'GIFT-MUG',
    quantity: 2,
    pointsPrice: 150,
    points: 300,
    holdId: 'hold-X1',
    timeoutAt: TIMEOUT,
    rulesRevision: 3,
    at: T0,
    by: staff.id,
  },
};
const pointsHeld: RedemptionEvent = { type: 'RedemptionPointsHeld', data: { holdId: 'hold-X1', at: T0, by: system.id } };
const giftIssued: RedemptionEvent = { type: 'RedemptionGiftIssued', data: { issuanceId: 'I1', issuedAt: T1, at: T1, by: system.id } };
const timedOut: RedemptionEvent = { type: 'RedemptionTimedOut', data: { timeoutAt: TIMEOUT, at: TIMEOUT, by: system.id } };
const released: RedemptionEvent = { type: 'RedemptionReleased', data: { holdId: 'hold-X1', reason: 'timed_out', at: TIMEOUT, by: system.id } };
const stateAfter = (events: RedemptionEvent[]) => events.reduce(redemptionDecider.evolve, null) as Redemption;

describe('Redemption', () => {
  it('should keep one stream per redemption', () => {
    expect(redemptionStreamId('X1')).toBe('redemption-X1');
  });

  describe('when a member asks to redeem points for a gift', () => {
    it('should cost the points price times the quantity and set the time-out from the rules', () => {
      spec.given([]).when(request()).then([requested]);
    });

    it.each([0, -1, 1.5])('should refuse a quantity of %p', (quantity) => {
      spec.given([]).when(request({ quantity })).thenThrows(DomainError, 'INVALID_REDEMPTION_QUANTITY');
    });

    it('should refuse a gift without a points price', () => {
      spec.given([]).when(request({ pointsPrice: null })).thenThrows(DomainError, 'GIFT_NOT_REDEEMABLE');
      spec.given([]).when(request({ pointsPrice: 0 })).thenThrows(DomainError, 'GIFT_NOT_REDEEMABLE');
    });

    it('should refuse the same redemption id twice', () => {
      spec.given([requested]).when(request()).thenThrows(DomainError, 'REDEMPTION_ALREADY_EXISTS');
    });

    it('should refuse anything on an unknown redemption', () => {
      spec.given([]).when(cmd('RecordPointsHeld')).thenThrows(DomainError, 'REDEMPTION_NOT_FOUND');
    });
  });

  describe('when the points are held or refused', () => {
    it('should record the hold once', () => {
      spec.given([requested]).when(cmd('RecordPointsHeld', { now: T0 })).then([pointsHeld]);
      spec.given([requested, pointsHeld]).when(cmd('RecordPointsHeld')).thenNothingHappens();
    });

    it('should end refused when the points are not there', () => {
      spec
        .given([requested])
        .when(cmd('RecordHoldRefused', { reason: 'insufficient_points', available: 120 }))
        .then([{ type: 'RedemptionRefused', data: { reason: 'insufficient_points', available: 120, at: T1, by: system.id } }]);
    });

    it('should not take a refusal once the points are held', () => {
      spec.given([requested, pointsHeld]).when(cmd('RecordHoldRefused', { reason: 'insufficient_points' })).thenThrows(DomainError, 'REDEMPTION_INVALID_TRANSITION');
    });
  });

  describe('when gifts answers', () => {
    it('should record the issuance and then the spent points', () => {
      spec.given([requested, pointsHeld]).when(cmd('RecordGiftIssued', { issuanceId: 'I1', issuedAt: T1 })).then([giftIssued]);
      spec
        .given([requested, pointsHeld, giftIssued])
        .when(cmd('RecordHoldConfirmed'))
        .then([{ type: 'RedemptionConfirmed', data: { holdId: 'hold-X1', points: 300, at: T1, by: system.id } }]);
    });

    it('should ignore the same issuance reported twice and refuse a different one', () => {
      spec.given([requested, pointsHeld, giftIssued]).when(cmd('RecordGiftIssued', { issuanceId: 'I1', issuedAt: T1 })).thenNothingHappens();
      spec.given([requested, pointsHeld, giftIssued]).when(cmd('RecordGiftIssued', { issuanceId: 'I2', issuedAt: T1 })).thenThrows(DomainError, 'REDEMPTION_ISSUANCE_CONFLICT');
    });

    it('should release the points when gifts refuses', () => {
      const refused: RedemptionEvent = { type: 'RedemptionGiftRefused', data: { reason: 'out_of_stock', at: T1, by: system.id } };
      spec.given([requested, pointsHeld]).when(cmd('RecordGiftRefused', { reason: 'out_of_stock' })).then([refused]);
      spec
        .given([requested, pointsHeld, refused])
        .when(cmd('RecordHoldReleased'))
        .then([{ type: 'RedemptionReleased', data: { holdId: 'hold-X1', reason: 'gift_refused', at: T1, by: system.id } }]);
    });

    it('should refuse a refusal after the gift was issued', () => {
      spec.given([requested, pointsHeld, giftIssued]).when(cmd('RecordGiftRefused', { reason: 'out_of_stock' })).thenThrows(DomainError, 'REDEMPTION_INVALID_TRANSITION');
    });
  });

  describe('when gifts does not answer in time', () => {
    it('should time out at the instant, not before, and release the points', () => {
      spec.given([requested, pointsHeld]).when(cmd('TimeOutRedemption', { now: '2026-03-01T02:29:59.999Z' })).thenNothingHappens();
      spec.given([requested, pointsHeld]).when(cmd('TimeOutRedemption', { now: TIMEOUT })).then([timedOut]);
      spec.given([requested, pointsHeld, timedOut]).when(cmd('RecordHoldReleased', { now: TIMEOUT })).then([released]);
    });

    it('should ignore a time-out after the answer', () => {
      spec.given([requested, pointsHeld, giftIssued]).when(cmd('TimeOutRedemption', { now: TIMEOUT })).thenNothingHappens();
    });

    it('should ignore a late refusal', () => {
      spec.given([requested, pointsHeld, timedOut, released]).when(cmd('RecordGiftRefused', { reason: 'out_of_stock' })).thenNothingHappens();
    });

    it('should charge a gift issued late under a second hold, or flag it for HQ when the points are gone', () => {
      const late: RedemptionEvent = { type: 'RedemptionGiftIssuedLate', data: { issuanceId: 'I1', issuedAt: T1, lateHoldId: 'hold-X1-late', at: T1, by: system.id } };
      spec.given([requested, pointsHeld, timedOut, released]).when(cmd('RecordGiftIssued', { issuanceId: 'I1', issuedAt: T1 })).then([late]);
      spec
        .given([requested, pointsHeld, timedOut, released, late])
        .when(cmd('RecordHoldConfirmed'))
        .then([{ type: 'RedemptionConfirmed', data: { holdId: 'hold-X1-late', points: 300, at: T1, by: system.id } }]);
      spec
        .given([requested, pointsHeld, timedOut, released, late])
        .when(cmd('RecordLateChargeRefused', { reason: 'insufficient_points', available: 10 }))
        .then([{ type: 'RedemptionNeedsAttention', data: { issuanceId: 'I1', reason: 'insufficient_points', available: 10, at: T1, by: system.id } }]);
    });
  });

  describe('when the saga asks what to do next', () => {
    const late: RedemptionEvent = { type: 'RedemptionGiftIssuedLate', data: { issuanceId: 'I1', issuedAt: T1, lateHoldId: 'hold-X1-late', at: T1, by: system.id } };
    it.each<[string, RedemptionEvent[], string]>([
      ['hold the points first', [requested], 'hold_points'],
      ['ask gifts once the points are held', [requested, pointsHeld], 'issue_gift'],
      ['spend the points once issued', [requested, pointsHeld, giftIssued], 'confirm_hold'],
      ['release after a time-out', [requested, pointsHeld, timedOut], 'release_hold'],
      ['release the first hold before charging a late gift', [requested, pointsHeld, timedOut, late], 'release_hold'],
      ['charge a late gift after the release', [requested, pointsHeld, timedOut, released, late], 'charge_late'],
      ['stop once released', [requested, pointsHeld, timedOut, released], 'none'],
    ])('should %s', (_name, events, kind) => {
      expect(nextRedemptionStep(stateAfter(events)).kind).toBe(kind);
    });
  });
});
