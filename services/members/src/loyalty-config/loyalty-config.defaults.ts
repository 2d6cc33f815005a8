import type { LoyaltyRules } from './loyalty-config.values.js';

/**
 * [PROPOSED] starting rules, in force until HQ defines its own (revision 0). Thresholds follow the
 * spend bands of §1.7.5 (2 000 / 5 000 / 10 000 CNY a year); 1 point per yuan; points vest after
 * the 7-day return window; lots live one year; membership two years; spend and age bands of §1.7.5.
 */
export const DEFAULT_LOYALTY_RULES: LoyaltyRules = {
  tiers: [
    { code: 'standard', name: '普通会员', minNetSpend12m: 0, vip: false },
    { code: 'silver', name: '银卡会员', minNetSpend12m: 200_000, vip: false },
    { code: 'gold', name: '金卡会员', minNetSpend12m: 500_000, vip: false },
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
