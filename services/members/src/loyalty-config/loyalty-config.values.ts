/** One tier of the grading standard (会员分级标准, R86): reached at `minNetSpend12m` fen of 12-month net spend. */
export interface LoyaltyTier {
  code: string;
  name: string;
  minNetSpend12m: number;
  /** 大顾客: gets the birthday call on the day (R92). */
  vip: boolean;
}

/** Every [PROPOSED] number of the loyalty programme; a calculation records the revision it was made under. */
export interface LoyaltyRules {
  /** Ascending by threshold; the first tier starts at 0 and is where members start. */
  tiers: LoyaltyTier[];
  /** `points` earned per `perAmount` fen of a purchase, rounded down. */
  earnRate: { points: number; perAmount: number };
  /** Points stay pending this long after the purchase (the return window). */
  vestingDays: number;
  /** A lot expires this long after the purchase that earned it. */
  lotExpiryDays: number;
  membershipValidityMonths: number;
  /** 到期会员名单 covers memberships expiring within this many days. */
  expiringNoticeDays: number;
  atRiskAfterDays: number;
  churnedAfterDays: number;
  /** Birthday card and gift card are due this many days before the birthday. */
  birthdayLeadDays: number;
  /** Top N per store in the monthly ranking. */
  rankingSize: number;
  /** How long a redemption waits for the gifts service before releasing the held points. */
  redemptionTimeoutMinutes: number;
  /** Decides which calendar day and month an instant belongs to. */
  timezone: string;
  /** Lower bounds (fen of 12-month net spend) of the spending-level bands; the first is 0. */
  spendBands: number[];
  /** Lower bounds (years) of the age bands after the first (e.g. 18 → <18, 18–24, …). */
  ageBands: number[];
}

/** The rules plus the revision (stream version) that defined them. */
export interface LoyaltyRulesInForce {
  revision: number;
  rules: LoyaltyRules;
}

export const TIER_CODE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export const LOYALTY_LIMITS = {
  maxTiers: 10,
  maxEarnPoints: 1000,
  maxPerAmount: 1_000_000,
  maxVestingDays: 90,
  maxLotExpiryDays: 3650,
  maxValidityMonths: 120,
  maxNoticeDays: 90,
  maxInactivityDays: 3650,
  maxBirthdayLeadDays: 60,
  maxRankingSize: 1000,
  maxRedemptionTimeoutMinutes: 7 * 24 * 60,
  maxBands: 12,
  maxAge: 120,
} as const;

export function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function sameRules(a: LoyaltyRules, b: LoyaltyRules): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

function normalised(r: LoyaltyRules): unknown[] {
  return [
    r.tiers.map((t) => [t.code, t.name, t.minNetSpend12m, t.vip]),
    [r.earnRate.points, r.earnRate.perAmount],
    r.vestingDays,
    r.lotExpiryDays,
    r.membershipValidityMonths,
    r.expiringNoticeDays,
    r.atRiskAfterDays,
    r.churnedAfterDays,
    r.birthdayLeadDays,
    r.rankingSize,
    r.redemptionTimeoutMinutes,
    r.timezone,
    r.spendBands,
    r.ageBands,
  ];
}
