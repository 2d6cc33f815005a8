import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { loyaltyAccountDecider } from './loyalty-account.decider.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { bought, cmd, day, held, opened, staff, system } from './loyalty-account.test-fixtures.js';

const spec = DeciderSpecification(loyaltyAccountDecider);
const due = (now: string) => cmd('ProcessDueLots', { now, actor: system });
const hold = (holdId: string, points: number, now = day(20)) => cmd('HoldPoints', { holdId, redemptionId: `r-${holdId}`, points, now });
const refund = (refundId: string, receiptNo: string, amount: number, now: string) => cmd('RecordRefund', { refundId, receiptNo, amount, now });
const reversed = (points: number, fromRemaining: Array<{ lotId: string; points: number }>, debtIncurred: number, now: string, fromExpired: Array<{ lotId: string; points: number }> = []): LoyaltyAccountEvent => ({
  type: 'PointsReversed',
  data: { refundId: 'F1', receiptNo: 'R1', points, fromRemaining, fromExpired, debtIncurred, at: now, by: staff.id },
});
const refundRecorded = (amount: number, now: string): LoyaltyAccountEvent => ({
  type: 'RefundRecorded',
  data: { refundId: 'F1', receiptNo: 'R1', amount, refundedTotal: amount, at: now, by: staff.id },
});
const redeemed = (holdId: string, allocations: Array<{ lotId: string; points: number }>, at = day(21)): LoyaltyAccountEvent => ({
  type: 'PointsRedeemed',
  data: { holdId, redemptionId: `r-${holdId}`, points: allocations.reduce((s, a) => s + a.points, 0), allocations, at, by: staff.id },
});

describe('LoyaltyAccount points', () => {
  describe('when the vesting instant of a lot passes', () => {
    it('should make its points available, stamped with the lot’s own vesting instant', () => {
      spec
        .given([opened(), ...bought('R1', 10_000, day(1), false)])
        .when(due(day(9)))
        .then([{ type: 'PointsVested', data: { lotId: 'lot-R1', points: 100, vestedAt: day(8), at: day(9), by: system.id } }]);
    });

    it('should do nothing before the instant (a timer that fired early or twice)', () => {
      spec.given([opened(), ...bought('R1', 10_000, day(1), false)]).when(due(day(7.99))).thenNothingHappens();
      spec.given([opened(), ...bought('R1', 10_000, day(1))]).when(due(day(9))).thenNothingHappens();
    });

    it('should pay outstanding debt first', () => {
      spec
        .given([
          opened(),
          ...bought('R1', 3_000, day(1)),
          held('H1', [{ lotId: 'lot-R1', points: 30 }]),
          redeemed('H1', [{ lotId: 'lot-R1', points: 30 }]),
          ...bought('R0', 5_000, day(12), false),
          refundRecorded(3_000, day(13)),
          reversed(30, [], 30, day(13)),
        ])
        .when(due(day(19)))
        .then([
          { type: 'PointsVested', data: { lotId: 'lot-R0', points: 50, vestedAt: day(19), at: day(19), by: system.id } },
          { type: 'PointsDebtSettled', data: { lotId: 'lot-R0', points: 30, debtLeft: 0, at: day(19), by: system.id } },
        ]);
    });
  });

  describe('when the expiry instant of a lot passes', () => {
    it('should expire what is left of it at its own instant', () => {
      spec
        .given([opened(), ...bought('R1', 10_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 40 }]), redeemed('H1', [{ lotId: 'lot-R1', points: 40 }])])
        .when(due(day(400)))
        .then([{ type: 'PointsExpired', data: { lotId: 'lot-R1', points: 60, expiredAt: day(366), at: day(400), by: system.id } }]);
    });

    it('should vest and then expire, in order, a lot both due after a long downtime', () => {
      spec
        .given([opened(), ...bought('R1', 10_000, day(1), false)])
        .when(due(day(400)))
        .thenMatches([
          { type: 'PointsVested', data: { vestedAt: day(8) } },
          { type: 'PointsExpired', data: { points: 100, expiredAt: day(366) } },
        ]);
    });

    it('should expire lots one by one, each at its own instant, leaving the younger one', () => {
      spec
        .given([opened(), ...bought('R1', 10_000, day(1)), ...bought('R2', 20_000, day(100))])
        .when(due(day(370)))
        .then([{ type: 'PointsExpired', data: { lotId: 'lot-R1', points: 100, expiredAt: day(366), at: day(370), by: system.id } }]);
    });

    it('should do nothing for a lot used up before its expiry', () => {
      spec
        .given([opened(), ...bought('R1', 10_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 100 }]), redeemed('H1', [{ lotId: 'lot-R1', points: 100 }])])
        .when(due(day(400)))
        .thenNothingHappens();
    });

    it('should mark a lot whose points are all held as expired, so points released later expire', () => {
      spec
        .given([opened(), ...bought('R1', 10_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 100 }], day(360))])
        .when(due(day(367)))
        .then([{ type: 'PointsExpired', data: { lotId: 'lot-R1', points: 0, expiredAt: day(366), at: day(367), by: system.id } }]);
    });
  });

  describe('when points are held for a redemption', () => {
    it('should hold the oldest available lots first', () => {
      spec
        .given([opened(), ...bought('R2', 5_000, day(3)), ...bought('R1', 3_000, day(1))])
        .when(hold('H1', 60))
        .then([
          held('H1', [{ lotId: 'lot-R1', points: 30 }, { lotId: 'lot-R2', points: 30 }], day(20)),
        ]);
    });

    it('should refuse more than the available points, pending points not counting', () => {
      spec
        .given([opened(), ...bought('R1', 3_000, day(1)), ...bought('R2', 5_000, day(15), false)])
        .when(hold('H1', 31))
        .thenThrows(DomainError, 'INSUFFICIENT_POINTS');
    });

    it('should not count held points as available', () => {
      spec
        .given([opened(), ...bought('R1', 3_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 20 }])])
        .when(hold('H2', 11))
        .thenThrows(DomainError, 'INSUFFICIENT_POINTS');
    });

    it.each([0, -1, 2.5])('should refuse %p points', (points) => {
      spec.given([opened(), ...bought('R1', 3_000, day(1))]).when(hold('H1', points)).thenThrows(DomainError, 'INVALID_POINTS');
    });

    it('should change nothing when the same hold is asked again, and refuse another under its id', () => {
      const given = [opened(), ...bought('R1', 3_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 20 }])];
      spec.given(given).when(hold('H1', 20)).thenNothingHappens();
      spec.given(given).when(hold('H1', 10)).thenThrows(DomainError, 'POINTS_HOLD_CONFLICT');
    });

    it('should refuse a hold once the membership has lapsed', () => {
      spec
        .given([opened(), ...bought('R1', 3_000, day(1)), { type: 'MembershipExpired', data: { expiresAt: day(30), at: day(30), by: system.id } }])
        .when(hold('H1', 10))
        .thenThrows(DomainError, 'LOYALTY_ACCOUNT_INVALID_TRANSITION');
    });
  });

  describe('when a hold is confirmed or released', () => {
    const withHold = [opened(), ...bought('R1', 3_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 20 }])];
    const confirm = (holdId = 'H1') => cmd('ConfirmHold', { holdId, now: day(21) });
    const release = (holdId = 'H1', now = day(21)) => cmd('ReleaseHold', { holdId, reason: 'gift_refused', now });
    const releasedEvent = (now = day(21)): LoyaltyAccountEvent => ({
      type: 'PointsHoldReleased',
      data: { holdId: 'H1', redemptionId: 'r-H1', points: 20, allocations: [{ lotId: 'lot-R1', points: 20 }], reason: 'gift_refused', at: now, by: staff.id },
    });

    it('should spend the held points on confirmation', () => {
      spec.given(withHold).when(confirm()).then([redeemed('H1', [{ lotId: 'lot-R1', points: 20 }])]);
    });

    it('should put the points back on release', () => {
      spec.given(withHold).when(release()).then([releasedEvent()]);
    });

    it('should be idempotent and refuse the opposite outcome', () => {
      spec.given([...withHold, redeemed('H1', [{ lotId: 'lot-R1', points: 20 }])]).when(confirm()).thenNothingHappens();
      spec.given([...withHold, redeemed('H1', [{ lotId: 'lot-R1', points: 20 }])]).when(release()).thenThrows(DomainError, 'POINTS_HOLD_ALREADY_CONFIRMED');
      spec.given([...withHold, releasedEvent()]).when(release()).thenNothingHappens();
      spec.given([...withHold, releasedEvent()]).when(confirm()).thenThrows(DomainError, 'POINTS_HOLD_ALREADY_RELEASED');
    });

    it('should refuse an unknown hold', () => {
      spec.given(withHold).when(confirm('H9')).thenThrows(DomainError, 'POINTS_HOLD_NOT_FOUND');
      spec.given(withHold).when(release('H9')).thenThrows(DomainError, 'POINTS_HOLD_NOT_FOUND');
    });

    it('should expire at once points released onto a lot that expired meanwhile', () => {
      const expired: LoyaltyAccountEvent = { type: 'PointsExpired', data: { lotId: 'lot-R1', points: 10, expiredAt: day(366), at: day(367), by: system.id } };
      spec
        .given([...withHold, expired])
        .when(release('H1', day(368)))
        .then([releasedEvent(day(368)), { type: 'PointsExpired', data: { lotId: 'lot-R1', points: 20, expiredAt: day(366), at: day(368), by: staff.id } }]);
    });
  });

  describe('when a refund arrives after the points were spent', () => {
    const spent = [opened(), ...bought('R1', 10_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 80 }]), redeemed('H1', [{ lotId: 'lot-R1', points: 80 }])];

    it('should take the lot’s unused points, then other available points, then carry the rest as debt', () => {
      spec
        .given([...spent, ...bought('R2', 3_000, day(2))])
        .when(refund('F1', 'R1', 10_000, day(30)))
        .then([
          refundRecorded(10_000, day(30)),
          reversed(100, [{ lotId: 'lot-R1', points: 20 }, { lotId: 'lot-R2', points: 30 }], 50, day(30)),
        ]);
    });

    it('should settle the debt from points released from a hold', () => {
      spec
        .given([...spent, ...bought('R2', 3_000, day(2)), held('H2', [{ lotId: 'lot-R2', points: 30 }], day(25)), refundRecorded(10_000, day(30)), reversed(100, [{ lotId: 'lot-R1', points: 20 }], 80, day(30))])
        .when(cmd('ReleaseHold', { holdId: 'H2', reason: 'timed_out', now: day(31) }))
        .thenMatches([
          { type: 'PointsHoldReleased' },
          { type: 'PointsDebtSettled', data: { lotId: 'lot-R2', points: 30, debtLeft: 50 } },
        ]);
    });

    it('should count the lot’s expired points as taken back: nobody benefited from them', () => {
      spec
        .given([...spent, { type: 'PointsExpired', data: { lotId: 'lot-R1', points: 20, expiredAt: day(366), at: day(366), by: system.id } }])
        .when(refund('F1', 'R1', 10_000, day(370)))
        .then([refundRecorded(10_000, day(370)), reversed(100, [], 80, day(370), [{ lotId: 'lot-R1', points: 20 }])]);
    });
  });

  describe('when membership expiry comes near and passes', () => {
    const expiring = (now: string) => cmd('MarkMembershipExpiring', { now, actor: system });

    it('should flag a membership expiring within the notice window, once', () => {
      spec
        .given([opened()])
        .when(expiring('2027-12-05T00:00:00.000Z'))
        .then([{ type: 'MembershipExpiring', data: { expiresAt: '2028-01-01T00:00:00.000Z', noticeDays: 30, at: '2027-12-05T00:00:00.000Z', by: system.id } }]);
      spec
        .given([opened(), { type: 'MembershipExpiring', data: { expiresAt: '2028-01-01T00:00:00.000Z', noticeDays: 30, at: day(700), by: system.id } }])
        .when(expiring('2027-12-06T00:00:00.000Z'))
        .thenNothingHappens();
    });

    it('should not flag a membership expiring later than the window', () => {
      spec.given([opened()]).when(expiring('2027-11-30T00:00:00.000Z')).thenNothingHappens();
    });

    it('should expire the membership at its instant, and not before', () => {
      spec.given([opened()]).when(cmd('ExpireMembership', { now: '2027-12-31T23:59:59.999Z', actor: system })).thenNothingHappens();
      spec
        .given([opened()])
        .when(cmd('ExpireMembership', { now: '2028-01-01T00:00:00.000Z', actor: system }))
        .then([{ type: 'MembershipExpired', data: { expiresAt: '2028-01-01T00:00:00.000Z', at: '2028-01-01T00:00:00.000Z', by: system.id } }]);
    });

    it('should ignore a stale expiry timer on a lapsed membership', () => {
      spec
        .given([opened(), { type: 'MembershipExpired', data: { expiresAt: '2028-01-01T00:00:00.000Z', at: '2028-01-01T00:00:00.000Z', by: system.id } }])
        .when(cmd('ExpireMembership', { now: '2028-01-02T00:00:00.000Z', actor: system }))
        .thenNothingHappens();
    });

    it('should renew from the current expiry, or from now once lapsed, making a lapsed member active', () => {
      spec
        .given([opened()])
        .when(cmd('RenewMembership', { now: '2027-12-10T00:00:00.000Z' }))
        .thenMatches([{ type: 'MembershipRenewed', data: { previousExpiresAt: '2028-01-01T00:00:00.000Z', expiresAt: '2030-01-01T00:00:00.000Z' } }]);
      spec
        .given([opened(), { type: 'MembershipExpired', data: { expiresAt: '2028-01-01T00:00:00.000Z', at: '2028-01-01T00:00:00.000Z', by: system.id } }])
        .when(cmd('RenewMembership', { now: '2028-03-31T00:00:00.000Z' }))
        .thenMatches([{ type: 'MembershipRenewed', data: { expiresAt: '2030-03-31T00:00:00.000Z' } }]);
    });
  });

  describe('when a member stops buying', () => {
    const atRisk = (now: string) => cmd('MarkAtRisk', { now, actor: system });
    const churned = (now: string) => cmd('MarkChurned', { now, actor: system });
    const atRiskEvent: LoyaltyAccountEvent = { type: 'MemberAtRisk', data: { lastActivityAt: day(1), inactiveDays: 90, at: day(91), by: system.id } };

    it('should mark at risk the configured days after the last purchase', () => {
      spec.given([opened(), ...bought('R1', 100, day(1))]).when(atRisk(day(91))).then([atRiskEvent]);
    });

    it('should ignore a timer armed before a later purchase', () => {
      spec.given([opened(), ...bought('R1', 100, day(1)), ...bought('R2', 100, day(50))]).when(atRisk(day(91))).thenNothingHappens();
    });

    it('should count from the opening when nothing was bought', () => {
      spec.given([opened()]).when(atRisk(day(90))).thenMatches([{ type: 'MemberAtRisk', data: { lastActivityAt: day(0), inactiveDays: 90 } }]);
    });

    it('should mark an at-risk member churned at the churn day, and not before', () => {
      spec.given([opened(), ...bought('R1', 100, day(1)), atRiskEvent]).when(churned(day(180))).thenNothingHappens();
      spec
        .given([opened(), ...bought('R1', 100, day(1)), atRiskEvent])
        .when(churned(day(181)))
        .then([{ type: 'MemberChurned', data: { lastActivityAt: day(1), inactiveDays: 180, at: day(181), by: system.id } }]);
    });

    it('should not churn a member who is not at risk', () => {
      spec.given([opened()]).when(churned(day(400))).thenNothingHappens();
    });
  });

  describe('when the account is closed', () => {
    const close = (reason = 'member request') => cmd('CloseLoyaltyAccount', { reason, now: day(40) });

    it('should forfeit every unused point and write off any debt', () => {
      spec
        .given([opened(), ...bought('R1', 3_000, day(1)), ...bought('R2', 1_000, day(35), false)])
        .when(close())
        .then([
          {
            type: 'LoyaltyAccountClosed',
            data: { reason: 'member request', forfeited: [{ lotId: 'lot-R1', points: 30 }, { lotId: 'lot-R2', points: 10 }], forfeitedPoints: 40, debtWrittenOff: 0, at: day(40), by: staff.id },
          },
        ]);
    });

    it('should refuse while a redemption holds points, and without a reason', () => {
      spec.given([opened(), ...bought('R1', 3_000, day(1)), held('H1', [{ lotId: 'lot-R1', points: 10 }])]).when(close()).thenThrows(DomainError, 'POINTS_HOLDS_OPEN');
      spec.given([opened()]).when(close('  ')).thenThrows(DomainError, 'REASON_REQUIRED');
    });

    it('should refuse purchases after closing and ignore timers', () => {
      const closed: LoyaltyAccountEvent = { type: 'LoyaltyAccountClosed', data: { reason: 'x', forfeited: [], forfeitedPoints: 0, debtWrittenOff: 0, at: day(40), by: staff.id } };
      spec.given([opened(), closed]).when(cmd('RecordPurchase', { receiptNo: 'R1', storeId: 's', channel: 'store', amount: 100, itemCount: 1, purchasedAt: day(41), now: day(41) })).thenThrows(DomainError, 'LOYALTY_ACCOUNT_INVALID_TRANSITION');
      spec.given([opened(), closed]).when(due(day(400))).thenNothingHappens();
      spec.given([opened(), closed]).when(close()).thenThrows(DomainError, 'LOYALTY_ACCOUNT_INVALID_TRANSITION');
    });
  });
});
