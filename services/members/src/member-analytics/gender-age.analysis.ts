import { bandLabels, bandOf, inScope, perMember, ratio, type AnalysisScope, type MemberProfileFact, type PurchaseFact } from './analytics.facts.js';

export interface GenderAgeCell {
  gender: string;
  ageBand: string;
  members: number;
  memberShare: number;
  netSpend: number;
  spendShare: number;
  atv: number;
}

/** Whole years at `day` (YYYY-MM-DD) for a YYYY-MM-DD birth date. */
export function ageAt(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const KNOWN_GENDERS = ['male', 'female', 'other'];

/**
 * 消费会员性别年龄分析: members with a purchase in the period by gender × age band (age at the
 * period's last day). A missing or undisclosed gender or birth date is counted as `unknown`, never dropped.
 */
export function genderAge(
  purchases: readonly PurchaseFact[],
  profiles: ReadonlyMap<string, MemberProfileFact>,
  scope: AnalysisScope,
  ageBands: readonly number[],
): { members: number; netSpend: number; cells: GenderAgeCell[] } {
  const members = perMember(purchases.filter((p) => inScope(p, scope)));
  const cells = new Map<string, GenderAgeCell & { tx: number }>();
  let netSpend = 0;
  for (const [memberId, m] of members) {
    const profile = profiles.get(memberId);
    const gender = profile?.gender && KNOWN_GENDERS.includes(profile.gender) ? profile.gender : 'unknown';
    const ageBand = profile?.birthDate ? bandOf(ageAt(profile.birthDate, scope.to), ageBands) : 'unknown';
    const key = `${gender}|${ageBand}`;
    const cell = cells.get(key) ?? { gender, ageBand, members: 0, memberShare: 0, netSpend: 0, spendShare: 0, atv: 0, tx: 0 };
    cell.members += 1;
    cell.netSpend += m.net;
    cell.tx += m.tx;
    cells.set(key, cell);
    netSpend += m.net;
  }
  const order = [...bandLabels(ageBands, true), 'unknown'];
  return {
    members: members.size,
    netSpend,
    cells: [...cells.values()]
      .map(({ tx, ...c }) => ({ ...c, memberShare: ratio(c.members, members.size), spendShare: ratio(c.netSpend, netSpend), atv: Math.round(c.netSpend / tx) }))
      .sort((a, b) => a.gender.localeCompare(b.gender) || order.indexOf(a.ageBand) - order.indexOf(b.ageBand)),
  };
}
