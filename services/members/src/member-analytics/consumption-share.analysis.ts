import { localDay, ratio, type AnalysisScope, type SaleFact } from './analytics.facts.js';

export interface ConsumptionShareDay {
  storeId: string;
  day: string;
  memberAmount: number;
  totalAmount: number;
  amountShare: number;
  memberTx: number;
  totalTx: number;
  txShare: number;
}

/** 会员消费占有率 per store and day: member sales over all sales, by amount and by transaction count (R88). */
export function consumptionShare(sales: readonly SaleFact[], scope: AnalysisScope): ConsumptionShareDay[] {
  const cells = new Map<string, ConsumptionShareDay>();
  for (const s of sales) {
    if (scope.storeId && s.storeId !== scope.storeId) continue;
    const day = localDay(s.at, scope.timezone);
    if (day < scope.from || day > scope.to) continue;
    const key = `${s.storeId}|${day}`;
    const c = cells.get(key) ?? { storeId: s.storeId, day, memberAmount: 0, totalAmount: 0, amountShare: 0, memberTx: 0, totalTx: 0, txShare: 0 };
    c.totalAmount += s.amount;
    c.totalTx += 1;
    if (s.member) {
      c.memberAmount += s.amount;
      c.memberTx += 1;
    }
    cells.set(key, c);
  }
  return [...cells.values()]
    .map((c) => ({ ...c, amountShare: ratio(c.memberAmount, c.totalAmount), txShare: ratio(c.memberTx, c.totalTx) }))
    .sort((a, b) => a.storeId.localeCompare(b.storeId) || a.day.localeCompare(b.day));
}
