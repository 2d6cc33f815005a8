import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { loyaltyAccountDecider, loyaltyAccountStreamId } from './loyalty-account.decider.js';
import { bought, cmd, day, earned, MEMBER, OPENED, opened, purchase, purchased, RULES, rulesWith, staff, system } from './loyalty-account.test-fixtures.js';

const spec = DeciderSpecification(loyaltyAccountDecider);
const P1 = day(10);

describe('LoyaltyAccount', () => {
  it('should keep one stream per member', () => {
    expect(loyaltyAccountStreamId(MEMBER)).toBe('loyalty-account-m-1');
  });

  describe('when the account is opened', () => {
    it('should start at the first tier with a membership valid for the configured months', () => {
      spec
        .given([])
        .when(cmd('OpenLoyaltyAccount', { storeId: 'store-1' }))
        .then([opened()]);
    });

    it('should record the revision of the rules it was opened under', () => {
      spec
        .given([])
        .when(cmd('OpenLoyaltyAccount', { storeId: 'store-1', rules: rulesWith({ membershipValidityMonths: 12 }, 4) }))
        .thenMatches([{ data: { membershipExpiresAt: '2027-01-01T00:00:00.000Z', rulesRevision: 4 } }]);
    });

    it('should refuse a second opening', () => {
      spec.given([opened()]).when(cmd('OpenLoyaltyAccount', { storeId: 'store-1' })).thenThrows(DomainError, 'LOYALTY_ACCOUNT_ALREADY_EXISTS');
    });

    it('should refuse any other command before the account exists', () => {
      spec.given([]).when(purchase('R1', 10_000, P1)).thenThrows(DomainError, 'LOYALTY_ACCOUNT_NOT_FOUND');
    });
  });

  describe('when a purchase is recorded', () => {
    it('should record it and earn a pending lot at the configured rate, vesting and expiring by the rules', () => {
      spec.given([opened()]).when(purchase('R1', 12_399, P1)).then([purchased('R1', 12_399, P1), earned('R1', 123, P1)]);
    });

    it('should count a redelivered receipt once', () => {
      spec.given([opened(), ...bought('R1', 10_000, P1, false)]).when(purchase('R1', 10_000, P1, { now: day(11) })).thenNothingHappens();
    });

    it('should refuse other figures under a known receipt', () => {
      spec.given([opened(), ...bought('R1', 10_000, P1, false)]).when(purchase('R1', 9_000, P1)).thenThrows(DomainError, 'PURCHASE_RECEIPT_CONFLICT');
    });

    it('should earn nothing for less than the rate amount, but record the spend', () => {
      spec.given([opened()]).when(purchase('R1', 99, P1)).then([purchased('R1', 99, P1)]);
    });

    it.each([0, -100, 10.5])('should refuse an amount of %p', (amount) => {
      spec.given([opened()]).when(purchase('R1', amount, P1)).thenThrows(DomainError, 'INVALID_AMOUNT');
    });

    it('should refuse a purchase after the instant it is recorded', () => {
      spec.given([opened()]).when(purchase('R1', 100, day(2), { now: day(1) })).thenThrows(DomainError, 'PURCHASE_IN_FUTURE');
    });

    it('should earn at the rate of the revision in force and record that revision on the lot', () => {
      const rules = rulesWith({ earnRate: { points: 3, perAmount: 100 }, vestingDays: 14, lotExpiryDays: 30 }, 5);
      spec
        .given([opened()])
        .when(purchase('R1', 1_000, P1, { rules }))
        .thenMatches([{}, { type: 'PointsEarned', data: { points: 30, vestsAt: day(24), expiresAt: day(40), rulesRevision: 5 } }]);
    });

    it('should upgrade the tier at once when 12-month net spend reaches a threshold, with the reason', () => {
      spec
        .given([opened(), ...bought('R1', 150_000, P1)])
        .when(purchase('R2', 60_000, day(20)))
        .then([
          purchased('R2', 60_000, day(20)),
          earned('R2', 600, day(20)),
          {
            type: 'TierChanged',
            data: { from: 'standard', to: 'silver', direction: 'up', reason: 'purchase', netSpend12m: 210_000, rulesRevision: 1, at: day(20), by: staff.id },
          },
        ]);
    });

    it('should jump several tiers in one purchase', () => {
      spec.given([opened()]).when(purchase('R1', 1_000_000, P1)).thenMatches([{}, {}, { type: 'TierChanged', data: { to: 'vip' } }]);
    });

    it('should not count spend older than 12 months towards the tier', () => {
      spec
        .given([opened(), ...bought('R1', 150_000, P1)])
        .when(purchase('R2', 60_000, day(400)))
        .then([purchased('R2', 60_000, day(400)), earned('R2', 600, day(400))]);
    });

    it('should retain an at-risk member', () => {
      spec
        .given([opened(), { type: 'MemberAtRisk', data: { lastActivityAt: OPENED, inactiveDays: 90, at: day(90), by: system.id } }])
        .when(purchase('R1', 100, day(95)))
        .then([
          purchased('R1', 100, day(95)),
          earned('R1', 1, day(95)),
          { type: 'MemberRetained', data: { receiptNo: 'R1', previousStatus: 'at_risk', at: day(95), by: staff.id } },
        ]);
    });

    it('should retain a churned member', () => {
      spec
        .given([
          opened(),
          { type: 'MemberAtRisk', data: { lastActivityAt: OPENED, inactiveDays: 90, at: day(90), by: system.id } },
          { type: 'MemberChurned', data: { lastActivityAt: OPENED, inactiveDays: 180, at: day(180), by: system.id } },
        ])
        .when(purchase('R1', 100, day(200)))
        .thenMatches([{}, {}, { type: 'MemberRetained', data: { previousStatus: 'churned' } }]);
    });

    it('should record the spend of a lapsed membership without points or tier change', () => {
      spec
        .given([opened(), { type: 'MembershipExpired', data: { expiresAt: day(30), at: day(30), by: system.id } }])
        .when(purchase('R1', 1_000_000, day(40)))
        .then([purchased('R1', 1_000_000, day(40))]);
    });
  });

  describe('when a refund is recorded', () => {
    const refund = (refundId: string, receiptNo: string, amount: number, now = day(12)) => cmd('RecordRefund', { refundId, receiptNo, amount, now });

    it('should reduce net spend and take back the refunded share of the points from the purchase lot', () => {
      spec
        .given([opened(), ...bought('R1', 10_000, P1, false)])
        .when(refund('F1', 'R1', 2_550))
        .then([
          { type: 'RefundRecorded', data: { refundId: 'F1', receiptNo: 'R1', amount: 2_550, refundedTotal: 2_550, at: day(12), by: staff.id } },
          {
            type: 'PointsReversed',
            data: { refundId: 'F1', receiptNo: 'R1', points: 25, fromRemaining: [{ lotId: 'lot-R1', points: 25 }], fromExpired: [], debtIncurred: 0, at: day(12), by: staff.id },
          },
        ]);
    });

    it('should round cumulatively so a full refund in parts takes back exactly what was earned', () => {
      spec
        .given([
          opened(),
          ...bought('R1', 10_000, P1, false),
          { type: 'RefundRecorded', data: { refundId: 'F1', receiptNo: 'R1', amount: 2_550, refundedTotal: 2_550, at: day(12), by: staff.id } },
          {
            type: 'PointsReversed',
            data: { refundId: 'F1', receiptNo: 'R1', points: 25, fromRemaining: [{ lotId: 'lot-R1', points: 25 }], fromExpired: [], debtIncurred: 0, at: day(12), by: staff.id },
          },
        ])
        .when(refund('F2', 'R1', 7_450))
        .thenMatches([{ type: 'RefundRecorded', data: { refundedTotal: 10_000 } }, { type: 'PointsReversed', data: { points: 75 } }]);
    });

    it('should count a redelivered refund once', () => {
      spec
        .given([
          opened(),
          ...bought('R1', 10_000, P1, false),
          { type: 'RefundRecorded', data: { refundId: 'F1', receiptNo: 'R1', amount: 50, refundedTotal: 50, at: day(12), by: staff.id } },
        ])
        .when(refund('F1', 'R1', 50))
        .thenNothingHappens();
    });

    it('should reverse nothing when the refunded share is worth less than a point', () => {
      spec.given([opened(), ...bought('R1', 10_000, P1, false)]).when(refund('F1', 'R1', 50)).thenMatches([{ type: 'RefundRecorded' }]);
    });

    it('should refuse other figures under a known refund id', () => {
      spec
        .given([
          opened(),
          ...bought('R1', 10_000, P1, false),
          { type: 'RefundRecorded', data: { refundId: 'F1', receiptNo: 'R1', amount: 50, refundedTotal: 50, at: day(12), by: staff.id } },
        ])
        .when(refund('F1', 'R1', 60))
        .thenThrows(DomainError, 'REFUND_CONFLICT');
    });

    it('should refuse a refund for an unknown receipt', () => {
      spec.given([opened()]).when(refund('F1', 'R9', 100)).thenThrows(DomainError, 'PURCHASE_NOT_FOUND');
    });

    it('should refuse refunding more than what is left of the purchase', () => {
      spec.given([opened(), ...bought('R1', 10_000, P1, false)]).when(refund('F1', 'R1', 10_001)).thenThrows(DomainError, 'REFUND_EXCEEDS_PURCHASE');
    });

    it('should refuse a zero refund', () => {
      spec.given([opened(), ...bought('R1', 10_000, P1, false)]).when(refund('F1', 'R1', 0)).thenThrows(DomainError, 'INVALID_AMOUNT');
    });

    it('should never lower the tier at once', () => {
      spec
        .given([opened(), purchased('R1', 250_000, P1), earned('R1', 2_500, P1), { type: 'TierChanged', data: { from: 'standard', to: 'silver', direction: 'up', reason: 'purchase', netSpend12m: 250_000, rulesRevision: 1, at: P1, by: staff.id } }])
        .when(refund('F1', 'R1', 100_000))
        .thenMatches([{ type: 'RefundRecorded' }, { type: 'PointsReversed' }]);
    });
  });

  describe('when the monthly tier review runs', () => {
    const silver = { type: 'TierChanged' as const, data: { from: 'standard', to: 'silver', direction: 'up' as const, reason: 'purchase' as const, netSpend12m: 250_000, rulesRevision: 1, at: P1, by: staff.id } };
    const refunded = [
      { type: 'RefundRecorded' as const, data: { refundId: 'F1', receiptNo: 'R1', amount: 100_000, refundedTotal: 100_000, at: day(12), by: staff.id } },
    ];
    const review = (month: string, now: string, rules = RULES) => cmd('RunTierReview', { month, now, rules, actor: system });

    it('should lower the tier to what net spend earns, with the reason, and record the run', () => {
      spec
        .given([opened(), purchased('R1', 250_000, P1), silver, ...refunded])
        .when(review('2026-02', day(31)))
        .then([
          { type: 'TierChanged', data: { from: 'silver', to: 'standard', direction: 'down', reason: 'monthly_review', netSpend12m: 150_000, rulesRevision: 1, at: day(31), by: system.id } },
          { type: 'TierReviewed', data: { month: '2026-02', netSpend12m: 150_000, tier: 'standard', rulesRevision: 1, at: day(31), by: system.id } },
        ]);
    });

    it('should record a run that changes nothing', () => {
      spec
        .given([opened(), purchased('R1', 250_000, P1), silver])
        .when(review('2026-02', day(31)))
        .then([{ type: 'TierReviewed', data: { month: '2026-02', netSpend12m: 250_000, tier: 'silver', rulesRevision: 1, at: day(31), by: system.id } }]);
    });

    it('should raise the tier when the rules lowered the threshold', () => {
      const rules = rulesWith({ tiers: [RULES.rules.tiers[0], { ...RULES.rules.tiers[1], minNetSpend12m: 100_000 }] });
      spec
        .given([opened(), purchased('R1', 150_000, P1)])
        .when(review('2026-02', day(31), rules))
        .thenMatches([{ type: 'TierChanged', data: { to: 'silver', direction: 'up', reason: 'monthly_review', rulesRevision: 2 } }, { type: 'TierReviewed' }]);
    });

    it('should not lower, when it fires late, a tier that a purchase after its instant raised', () => {
      // the service was down on the 1st: the run of February fires after a purchase of the 12th
      spec
        .given([opened(), purchased('R1', 250_000, day(42)), silver])
        .when(review('2026-02', day(31)))
        .then([{ type: 'TierReviewed', data: { month: '2026-02', netSpend12m: 0, tier: 'silver', rulesRevision: 1, at: day(31), by: system.id } }]);
    });

    it('should still lower, when it fires late, to the most that the purchases after its instant earned', () => {
      const gold = { ...silver, data: { ...silver.data, to: 'gold', netSpend12m: 900_000 } };
      spec
        .given([opened(), purchased('R1', 800_000, P1), purchased('R2', 250_000, day(42)), gold, ...refunded.map((r) => ({ ...r, data: { ...r.data, receiptNo: 'R1', amount: 700_000, refundedTotal: 700_000 } }))])
        .when(review('2026-02', day(31)))
        .thenMatches([{ type: 'TierChanged', data: { from: 'gold', to: 'silver', direction: 'down', reason: 'monthly_review', netSpend12m: 100_000 } }, { type: 'TierReviewed', data: { tier: 'silver' } }]);
    });

    it('should run once per month', () => {
      spec
        .given([opened(), { type: 'TierReviewed', data: { month: '2026-02', netSpend12m: 0, tier: 'standard', rulesRevision: 1, at: day(31), by: system.id } }])
        .when(review('2026-02', day(32)))
        .thenNothingHappens();
    });

    it('should refuse a malformed month', () => {
      spec.given([opened()]).when(review('2026-13', day(31))).thenThrows(DomainError, 'INVALID_MONTH');
    });
  });
});
