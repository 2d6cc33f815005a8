import type { LoyaltyTier } from '../loyalty-config/loyalty-config.values.js';

const DAY_MS = 86_400_000;

export const PURCHASE_CHANNELS = ['store', 'online'] as const;
export type PurchaseChannel = (typeof PURCHASE_CHANNELS)[number];

export const TIER_CHANGE_REASONS = ['purchase', 'monthly_review'] as const;
export type TierChangeReason = (typeof TIER_CHANGE_REASONS)[number];

export const HOLD_RELEASE_REASONS = ['gift_refused', 'timed_out', 'cancelled'] as const;
export type HoldReleaseReason = (typeof HOLD_RELEASE_REASONS)[number];

export function addDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

/** Calendar months in UTC, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(instant: string, months: number): string {
  const d = new Date(Date.parse(instant));
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString();
}

export const isAtOrBefore = (a: string, b: string): boolean => Date.parse(a) <= Date.parse(b);
export const laterOf = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);

/** Points a purchase earns at a rate, rounded down: 1 point per 100 fen turns 199 fen into 1 point. */
export function pointsFor(amount: number, rate: { points: number; perAmount: number }): number {
  return Math.floor((amount * rate.points) / rate.perAmount);
}

/**
 * Points a purchase's refunds take back in total: proportional to the refunded share of the amount,
 * rounded down cumulatively, so a full refund takes back exactly what was earned.
 */
export function pointsDueBack(purchase: { amount: number; refunded: number; points: number }): number {
  return Math.floor((purchase.refunded * purchase.points) / purchase.amount);
}

export interface SpendFact {
  amount: number;
  refunded: number;
  purchasedAt: string;
}

/** Net spend (sales − refunds, by purchase date) over the 12 months up to `now`. */
export function netSpend12m(purchases: Iterable<SpendFact>, now: string): number {
  const from = Date.parse(addMonths(now, -12));
  const to = Date.parse(now);
  let total = 0;
  for (const p of purchases) {
    const at = Date.parse(p.purchasedAt);
    if (at > from && at <= to) total += p.amount - p.refunded;
  }
  return total;
}

/** The highest tier whose threshold the net spend reaches. */
export function tierFor(netSpend: number, tiers: readonly LoyaltyTier[]): string {
  let code = tiers[0].code;
  for (const tier of tiers) if (netSpend >= tier.minNetSpend12m) code = tier.code;
  return code;
}

/** A tier's place in the ladder; a tier the rules no longer list ranks below all. */
export const tierRank = (code: string, tiers: readonly LoyaltyTier[]): number => tiers.findIndex((t) => t.code === code);

/** `YYYY-MM`, month 01–12. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
