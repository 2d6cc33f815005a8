import { bandLabels, bandOf, inScope, perMember, ratio, type AnalysisScope, type PurchaseFact } from './analytics.facts.js';

/** 会员消费水平分析: per-member net spend, ATV (客单价) and UPT (连带率), and members per spend band. */
export interface SpendingLevel {
  members: number;
  netSpend: number;
  txCount: number;
  items: number;
  /** Net spend per transaction, fen. */
  atv: number;
  /** Items per transaction. */
  upt: number;
  bands: Array<{ band: string; members: number; netSpend: number; share: number }>;
}

export function spendingLevel(purchases: readonly PurchaseFact[], scope: AnalysisScope, spendBands: readonly number[]): SpendingLevel {
  const members = perMember(purchases.filter((p) => inScope(p, scope)));
  let netSpend = 0;
  let txCount = 0;
  let items = 0;
  const bands = new Map(bandLabels(spendBands, false).map((band) => [band, { band, members: 0, netSpend: 0, share: 0 }]));
  for (const m of members.values()) {
    netSpend += m.net;
    txCount += m.tx;
    items += m.items;
    const band = bands.get(bandOf(Math.max(0, m.net), spendBands))!;
    band.members += 1;
    band.netSpend += m.net;
  }
  for (const band of bands.values()) band.share = ratio(band.members, members.size);
  return {
    members: members.size,
    netSpend,
    txCount,
    items,
    atv: txCount === 0 ? 0 : Math.round(netSpend / txCount),
    upt: txCount === 0 ? 0 : Math.round((items / txCount) * 100) / 100,
    bands: [...bands.values()],
  };
}
