import { localDay, ratio, type AnalysisScope, type StatusFact } from './analytics.facts.js';

export interface ChurnAnalysis {
  /** Members neither churned, expired nor closed when the period began (active or at risk). */
  baseAtStart: number;
  churnedInPeriod: number;
  churnRate: number;
  atRiskAtEnd: number;
  retainedInPeriod: number;
  expiredInPeriod: number;
}

const LIVE = ['active', 'at_risk'];

/**
 * 会员流失分析: churn rate = members who became churned in the period / members live at its start
 * (at risk counts as live: churn passes through it). A return to active from at risk or churned is a retention.
 */
export function churnAnalysis(
  facts: readonly StatusFact[],
  memberStores: ReadonlyMap<string, { storeId: string; regionId?: string }>,
  scope: AnalysisScope,
): ChurnAnalysis {
  const byMember = new Map<string, Array<StatusFact & { day: string }>>();
  for (const f of facts) {
    const store = memberStores.get(f.memberId);
    if (scope.storeId && store?.storeId !== scope.storeId) continue;
    if (scope.regionId && store?.regionId !== scope.regionId) continue;
    const list = byMember.get(f.memberId) ?? [];
    list.push({ ...f, day: localDay(f.at, scope.timezone) });
    byMember.set(f.memberId, list);
  }
  const out = { baseAtStart: 0, churnedInPeriod: 0, churnRate: 0, atRiskAtEnd: 0, retainedInPeriod: 0, expiredInPeriod: 0 };
  for (const list of byMember.values()) {
    list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const before = list.filter((f) => f.day < scope.from).at(-1);
    const upToEnd = list.filter((f) => f.day <= scope.to).at(-1);
    if (before && LIVE.includes(before.status)) out.baseAtStart += 1;
    if (upToEnd?.status === 'at_risk') out.atRiskAtEnd += 1;
    list.forEach((f, i) => {
      if (f.day < scope.from || f.day > scope.to) return;
      if (f.status === 'churned') out.churnedInPeriod += 1;
      if (f.status === 'expired') out.expiredInPeriod += 1;
      const prior = list[i - 1]?.status;
      if (f.status === 'active' && (prior === 'at_risk' || prior === 'churned')) out.retainedInPeriod += 1;
    });
  }
  out.churnRate = ratio(out.churnedInPeriod, out.baseAtStart);
  return out;
}
