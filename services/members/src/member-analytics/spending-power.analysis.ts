import { localDay, perMember, ratio, type AnalysisScope, type PurchaseFact } from './analytics.facts.js';

export interface SpendingPower {
  members: number;
  /** Net spend over the 12 months per member, fen. */
  averageAnnualSpend: number;
  /** Share of 12-month net spend made by the top 20 % of members (concentration). */
  top20Share: number;
  segments: Array<{ segment: string; members: number; netSpend: number }>;
  memberScores: Array<{ memberId: string; recencyDays: number; frequency: number; monetary: number; r: number; f: number; m: number }>;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

/** The day after the same day 12 months earlier: the 12-month window ending on `day` starts there. */
export function twelveMonthsBefore(day: string): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)) - 1, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + 1));
  return d.toISOString().slice(0, 10);
}

/** Quintile scores 1–5; equal values score alike; `better` orders worst first. */
function quintiles(values: number[], better: (a: number, b: number) => number): Map<number, number> {
  const sorted = [...values].sort(better);
  const scores = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!scores.has(v)) scores.set(v, 1 + Math.floor((5 * i) / sorted.length));
  });
  return scores;
}

/**
 * 会员消费力分析 (RFM) over the 12 months ending on the scope's last day: R days since the last
 * purchase, F transactions, M net spend, each scored 1–5 by quintile; segment = R·F·M.
 */
export function spendingPower(purchases: readonly PurchaseFact[], scope: AnalysisScope): SpendingPower {
  const from = twelveMonthsBefore(scope.to);
  const window = purchases.filter((p) => {
    if (scope.storeId && p.storeId !== scope.storeId) return false;
    if (scope.regionId && p.regionId !== scope.regionId) return false;
    const day = localDay(p.purchasedAt, scope.timezone);
    return day >= from && day <= scope.to;
  });
  const members = [...perMember(window)].map(([memberId, m]) => ({
    memberId,
    recencyDays: dayNumber(scope.to) - dayNumber(localDay(m.last, scope.timezone)),
    frequency: m.tx,
    monetary: m.net,
  }));
  const r = quintiles(members.map((m) => m.recencyDays), (a, b) => b - a);
  const f = quintiles(members.map((m) => m.frequency), (a, b) => a - b);
  const mq = quintiles(members.map((m) => m.monetary), (a, b) => a - b);
  const scored = members.map((m) => ({ ...m, r: r.get(m.recencyDays)!, f: f.get(m.frequency)!, m: mq.get(m.monetary)! }));
  const segments = new Map<string, { segment: string; members: number; netSpend: number }>();
  for (const s of scored) {
    const segment = `${s.r}${s.f}${s.m}`;
    const seg = segments.get(segment) ?? { segment, members: 0, netSpend: 0 };
    seg.members += 1;
    seg.netSpend += s.monetary;
    segments.set(segment, seg);
  }
  const total = scored.reduce((sum, s) => sum + s.monetary, 0);
  const topCount = Math.ceil(scored.length * 0.2);
  const top = [...scored].sort((a, b) => b.monetary - a.monetary).slice(0, topCount).reduce((sum, s) => sum + s.monetary, 0);
  return {
    members: scored.length,
    averageAnnualSpend: scored.length === 0 ? 0 : Math.round(total / scored.length),
    top20Share: ratio(top, total),
    segments: [...segments.values()].sort((a, b) => b.segment.localeCompare(a.segment)),
    memberScores: scored,
  };
}
