import { rejectedFields } from '@cs/testing';
import type { ClassConstructor } from 'class-transformer';
import { SalesTransactionRecordedV1, salesTransactionRecordedV1Example } from '../../sales/index.js';
import {
  BirthdayGiftDueV1,
  birthdayGiftDueV1Example,
  ExpiringMembersQuery,
  GetLoyaltyConfigQuery,
  GetPointsQuery,
  MemberAnalysisQuery,
  MemberAtRiskV1,
  memberAtRiskV1Example,
  MemberChurnedV1,
  memberChurnedV1Example,
  MemberRetainedV1,
  memberRetainedV1Example,
  MembersLoyaltyEvents,
  MembersLoyaltyRpc,
  MembershipExpiredV1,
  membershipExpiredV1Example,
  MembershipExpiringV1,
  MonthlyRankingPublishedV1,
  monthlyRankingPublishedV1Example,
  membershipExpiringV1Example,
  MemberTierChangedV1,
  memberTierChangedV1Example,
  PointsEarnedV1,
  pointsEarnedV1Example,
  PointsExpiredV1,
  pointsExpiredV1Example,
  PointsRedemptionRequestedV1,
  pointsRedemptionRequestedV1Example,
  PurchaseRecordedV1,
  purchaseRecordedV1Example,
  RecordPurchaseCommand,
  RecordPurchaseRequest,
  RequestRedemptionCommand,
  RequestRedemptionRequest,
  SetLoyaltyConfigRequest,
} from './index.js';

const fixtures: Array<[string, ClassConstructor<object>, object]> = [
  ['PurchaseRecordedV1', PurchaseRecordedV1, purchaseRecordedV1Example],
  ['PointsEarnedV1', PointsEarnedV1, pointsEarnedV1Example],
  ['PointsExpiredV1', PointsExpiredV1, pointsExpiredV1Example],
  ['MemberTierChangedV1', MemberTierChangedV1, memberTierChangedV1Example],
  ['MembershipExpiringV1', MembershipExpiringV1, membershipExpiringV1Example],
  ['MembershipExpiredV1', MembershipExpiredV1, membershipExpiredV1Example],
  ['BirthdayGiftDueV1', BirthdayGiftDueV1, birthdayGiftDueV1Example],
  ['MemberAtRiskV1', MemberAtRiskV1, memberAtRiskV1Example],
  ['MemberChurnedV1', MemberChurnedV1, memberChurnedV1Example],
  ['MemberRetainedV1', MemberRetainedV1, memberRetainedV1Example],
  ['PointsRedemptionRequestedV1', PointsRedemptionRequestedV1, pointsRedemptionRequestedV1Example],
];

describe('Members loyalty contracts', () => {
  describe('when checking the integration event fixtures', () => {
    it.each(fixtures)('should validate the %s example against its class', async (_name, cls, example) => {
      expect(await rejectedFields(cls, example)).toEqual([]);
    });

    it.each(fixtures)('should refuse a %s without memberId', async (_name, cls, example) => {
      const { memberId: _m, ...rest } = example as { memberId: string };
      expect(await rejectedFields(cls, rest)).toEqual(['memberId']);
    });

    it.each(fixtures)('should never carry the name, mobile or birth date in %s', async (_name, cls, example) => {
      expect(Object.keys(example)).toEqual(expect.not.arrayContaining(['name', 'mobile', 'birthDate']));
      expect(await rejectedFields(cls, { ...example, mobile: '13812341234', birthDate: '1990-05-17' })).toEqual(['mobile', 'birthDate']);
    });

    it('should validate the monthly ranking, one store per message, and refuse a bad rank', async () => {
      expect(await rejectedFields(MonthlyRankingPublishedV1, monthlyRankingPublishedV1Example)).toEqual([]);
      const bad = { ...monthlyRankingPublishedV1Example, ranked: [{ ...monthlyRankingPublishedV1Example.ranked[0], rank: 0 }] };
      expect(await rejectedFields(MonthlyRankingPublishedV1, bad)).toEqual(['ranked.0.rank']);
      expect(await rejectedFields(MonthlyRankingPublishedV1, { ...monthlyRankingPublishedV1Example, month: '2026-5' })).toEqual(['month']);
    });

    it('should list every descriptor with a versioned subject', () => {
      expect(MembersLoyaltyEvents).toHaveLength(fixtures.length + 1);
      for (const d of MembersLoyaltyEvents) expect(d.subject).toBe(`members.evt.${d.type.slice('members.'.length)}.v${d.version}`);
      expect(new Set(Object.values(MembersLoyaltyRpc)).size).toBe(Object.values(MembersLoyaltyRpc).length);
    });

    it('should refuse a tier change for an unknown reason and a birthday that is not a date', async () => {
      expect(await rejectedFields(MemberTierChangedV1, { ...memberTierChangedV1Example, reason: 'whim' })).toEqual(['reason']);
      expect(await rejectedFields(BirthdayGiftDueV1, { ...birthdayGiftDueV1Example, birthday: '05-17' })).toEqual(['birthday']);
    });
  });

  describe('when validating the consumed sales transaction', () => {
    it('should accept the example, a non-member sale and an online buyer', async () => {
      expect(await rejectedFields(SalesTransactionRecordedV1, salesTransactionRecordedV1Example)).toEqual([]);
      const { memberId: _m, ...anonymous } = salesTransactionRecordedV1Example;
      expect(await rejectedFields(SalesTransactionRecordedV1, anonymous)).toEqual([]);
      expect(
        await rejectedFields(SalesTransactionRecordedV1, { ...anonymous, channel: 'online', buyer: { name: '王芳', mobile: '13812341234' } }),
      ).toEqual([]);
    });

    it('should refuse a bad buyer mobile and a zero amount', async () => {
      expect(await rejectedFields(SalesTransactionRecordedV1, { ...salesTransactionRecordedV1Example, buyer: { name: 'A', mobile: '123' } })).toEqual([
        'buyer.mobile',
      ]);
      expect(await rejectedFields(SalesTransactionRecordedV1, { ...salesTransactionRecordedV1Example, amount: 0 })).toEqual(['amount']);
    });
  });

  describe('when validating RecordPurchaseRequest', () => {
    const good = {
      receiptNo: 'POS-20260601-0778',
      storeId: 'store-sh-012',
      amount: 119800,
      purchasedAt: '2026-06-01T14:12:00+08:00',
      lines: [{ sku: 'JK-DOWN-01-M', name: 'Down jacket', quantity: 2, unitPrice: 59900 }],
    };

    it('should accept a receipt, with or without a channel', async () => {
      expect(await rejectedFields(RecordPurchaseRequest, good)).toEqual([]);
      expect(await rejectedFields(RecordPurchaseRequest, { ...good, channel: 'online', lines: [] })).toEqual([]);
    });

    it.each([
      ['receiptNo', ''],
      ['receiptNo', 'has space'],
      ['amount', 0],
      ['amount', 10.5],
      ['amount', '100'],
      ['purchasedAt', '2026-06-01 14:12'],
      ['channel', 'phone'],
      ['storeId', ''],
    ])('should reject %s = %p', async (field, value) => {
      expect(await rejectedFields(RecordPurchaseRequest, { ...good, [field]: value })).toEqual([field]);
    });

    it('should name a bad line field', async () => {
      expect(await rejectedFields(RecordPurchaseRequest, { ...good, lines: [{ sku: 'X', quantity: 0, unitPrice: 1 }] })).toEqual(['lines.0.quantity']);
    });

    it('should require the memberId on the command', async () => {
      expect(await rejectedFields(RecordPurchaseCommand, good)).toEqual(['memberId']);
      expect(await rejectedFields(RecordPurchaseCommand, { ...good, memberId: 'm-1' })).toEqual([]);
    });
  });

  describe('when validating RequestRedemptionRequest', () => {
    it('should accept a gift, a quantity and a store, and require the member on the command', async () => {
      const good = { giftSku: 'GIFT-MUG', quantity: 2, storeId: 'store-1' };
      expect(await rejectedFields(RequestRedemptionRequest, good)).toEqual([]);
      expect(await rejectedFields(RequestRedemptionCommand, good)).toEqual(['memberId']);
      expect(await rejectedFields(RequestRedemptionRequest, { ...good, giftSku: 'mug', quantity: 0 })).toEqual(['giftSku', 'quantity']);
      expect(await rejectedFields(RequestRedemptionRequest, { ...good, points: 10 })).toEqual(['points']);
    });
  });

  describe('when validating SetLoyaltyConfigRequest', () => {
    const good = {
      tiers: [
        { code: 'standard', name: '普通会员', minNetSpend12m: 0, vip: false },
        { code: 'vip', name: '大顾客会员', minNetSpend12m: 1_000_000, vip: true },
      ],
      earnRate: { points: 1, perAmount: 100 },
      vestingDays: 7,
      lotExpiryDays: 365,
      membershipValidityMonths: 24,
      expiringNoticeDays: 30,
      atRiskAfterDays: 90,
      churnedAfterDays: 180,
      birthdayLeadDays: 7,
      rankingSize: 10,
      redemptionTimeoutMinutes: 30,
      timezone: 'Asia/Shanghai',
      spendBands: [0, 50_000, 200_000, 500_000],
      ageBands: [18, 25, 35, 45, 55],
    };

    it('should accept a full rule set', async () => {
      expect(await rejectedFields(SetLoyaltyConfigRequest, good)).toEqual([]);
      expect(await rejectedFields(SetLoyaltyConfigRequest, { ...good, note: 'spring review' })).toEqual([]);
    });

    it.each([
      ['tiers', []],
      ['vestingDays', -1],
      ['lotExpiryDays', 0],
      ['rankingSize', 0],
      ['timezone', ''],
      ['earnRate', 5],
      ['spendBands', [-1]],
      ['ageBands', [0]],
    ])('should reject %s = %p', async (field, value) => {
      expect(await rejectedFields(SetLoyaltyConfigRequest, { ...good, [field]: value })).toEqual([field]);
    });

    it('should name a bad nested field', async () => {
      expect(await rejectedFields(SetLoyaltyConfigRequest, { ...good, earnRate: { points: 0, perAmount: 100 } })).toEqual(['earnRate.points']);
      expect(await rejectedFields(SetLoyaltyConfigRequest, { ...good, tiers: [{ ...good.tiers[0], code: 'Std' }] })).toEqual(['tiers.0.code']);
    });
  });

  describe('when validating the loyalty queries', () => {
    it('should take a month, an optional store and page', async () => {
      expect(await rejectedFields(ExpiringMembersQuery, { month: '2026-07', storeId: 's', limit: '20' })).toEqual([]);
      expect(await rejectedFields(ExpiringMembersQuery, { month: '2026-13' })).toEqual(['month']);
      expect(await rejectedFields(ExpiringMembersQuery, {})).toEqual(['month']);
    });

    it('should take an analysis name and optional dates and instant', async () => {
      expect(await rejectedFields(MemberAnalysisQuery, { analysis: 'gender-age', from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-01T00:00:00Z' })).toEqual([]);
      expect(await rejectedFields(MemberAnalysisQuery, { analysis: 'horoscope' })).toEqual(['analysis']);
      expect(await rejectedFields(MemberAnalysisQuery, { analysis: 'churn', from: '2026-02-30' })).toEqual(['from']);
    });

    it('should validate as-of instants', async () => {
      expect(await rejectedFields(GetPointsQuery, { memberId: 'm-1', asOf: 'yesterday' })).toEqual(['asOf']);
      expect(await rejectedFields(GetLoyaltyConfigQuery, { asOf: '2026-01-01T00:00:00Z' })).toEqual([]);
    });
  });
});
