import { localDayOf as localDay } from '../local-time/local-time.js';

/**
 * What the analyses read: facts as known at the `asOf` instant (the projection keeps every fact
 * with the instant it was recorded, so the caller filters by it before calling).
 */
export interface MemberProfileFact {
  memberId: string;
  gender?: string;
  birthDate?: string;
}

export interface PurchaseFact {
  memberId: string;
  receiptNo: string;
  storeId: string;
  regionId?: string;
  amount: number;
  itemCount: number;
  purchasedAt: string;
  /** Refunds of this purchase known at `asOf`, fen. */
  refunded: number;
}

/** A member's loyalty status from `at` on (active, at_risk, churned, expired, closed). */
export interface StatusFact {
  memberId: string;
  status: string;
  at: string;
}

/** Any sale, member or not, for the share of member consumption. */
export interface SaleFact {
  storeId: string;
  amount: number;
  member: boolean;
  at: string;
}

export interface AnalysisScope {
  storeId?: string;
  regionId?: string;
  /** Local calendar days, both included. */
  from: string;
  to: string;
  timezone: string;
}

export { localDayOf as localDay } from '../local-time/local-time.js';

export const inScope = (p: PurchaseFact, scope: AnalysisScope): boolean => {
  if (scope.storeId && p.storeId !== scope.storeId) return false;
  if (scope.regionId && p.regionId !== scope.regionId) return false;
  const day = localDay(p.purchasedAt, scope.timezone);
  return day >= scope.from && day <= scope.to;
};

export const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

export const netOf = (p: PurchaseFact) => p.amount - p.refunded;

/** Per member: net spend, transactions and items of the purchases given. */
export function perMember(purchases: readonly PurchaseFact[]): Map<string, { net: number; tx: number; items: number; last: string }> {
  const out = new Map<string, { net: number; tx: number; items: number; last: string }>();
  for (const p of purchases) {
    const m = out.get(p.memberId) ?? { net: 0, tx: 0, items: 0, last: p.purchasedAt };
    m.net += netOf(p);
    m.tx += 1;
    m.items += p.itemCount;
    if (Date.parse(p.purchasedAt) > Date.parse(m.last)) m.last = p.purchasedAt;
    out.set(p.memberId, m);
  }
  return out;
}

/** The label of the band `value` falls in, bands given by their lower bounds. */
export function bandOf(value: number, lowerBounds: readonly number[]): string {
  let i = -1;
  for (let k = 0; k < lowerBounds.length; k++) if (value >= lowerBounds[k]) i = k;
  if (i === -1) return `<${lowerBounds[0]}`;
  return i === lowerBounds.length - 1 ? `>=${lowerBounds[i]}` : `${lowerBounds[i]}-${lowerBounds[i + 1] - 1}`;
}

export function bandLabels(lowerBounds: readonly number[], withBelow: boolean): string[] {
  const labels = lowerBounds.map((b, i) => (i === lowerBounds.length - 1 ? `>=${b}` : `${b}-${lowerBounds[i + 1] - 1}`));
  return withBelow ? [`<${lowerBounds[0]}`, ...labels] : labels;
}
