import type { VarianceLine } from '../stocktake/stocktake.values.js';

/** A confirmed count of one location in a period, as the summary reads it. */
export interface ConfirmedCount {
  stocktakeId: string;
  locationId: string;
  locationKind: 'hq' | 'store';
  regionId?: string;
  variances: VarianceLine[];
}

export interface SummaryTotals {
  bookQty: number;
  countedQty: number;
  varianceQty: number;
  /** fen */
  varianceValue: number;
  /** varianceQty / bookQty, 4 decimals (0 for an empty book). */
  varianceRate: number;
}

function totals(lines: readonly VarianceLine[]): SummaryTotals {
  const bookQty = lines.reduce((n, l) => n + l.bookQty, 0);
  const countedQty = lines.reduce((n, l) => n + l.counted, 0);
  const varianceQty = lines.reduce((n, l) => n + l.variance, 0);
  const varianceValue = lines.reduce((n, l) => n + l.varianceValue, 0);
  return { bookQty, countedQty, varianceQty, varianceValue, varianceRate: bookQty ? Math.round((varianceQty / bookQty) * 10_000) / 10_000 : 0 };
}

/** 门店礼品盘点汇总表: per store (with its SKU lines), per region, the chain; the warehouse apart. */
export function summarise(period: string, counts: readonly ConfirmedCount[]) {
  const stores = counts.filter((c) => c.locationKind === 'store');
  const regions = new Map<string, VarianceLine[]>();
  for (const s of stores) regions.set(s.regionId ?? 'unknown', [...(regions.get(s.regionId ?? 'unknown') ?? []), ...s.variances]);
  const warehouse = counts.find((c) => c.locationKind === 'hq');
  return {
    period,
    stores: stores.map((s) => ({
      storeId: s.locationId,
      regionId: s.regionId,
      stocktakeId: s.stocktakeId,
      ...totals(s.variances),
      lines: s.variances.map((l) => ({ sku: l.sku, bookQty: l.bookQty, countedQty: l.counted, varianceQty: l.variance, varianceValue: l.varianceValue, reason: l.reason })),
    })),
    regions: [...regions].map(([regionId, lines]) => ({ regionId, ...totals(lines) })),
    chain: totals(stores.flatMap((s) => s.variances)),
    warehouse: warehouse ? { stocktakeId: warehouse.stocktakeId, ...totals(warehouse.variances) } : null,
  };
}

/** Stores with a variance in this period and in the one before (监督管理 watch list). */
export function watchList(current: readonly ConfirmedCount[], previous: readonly ConfirmedCount[]) {
  const varied = (c: ConfirmedCount) => c.locationKind === 'store' && c.variances.some((l) => l.variance !== 0);
  const before = new Map(previous.filter(varied).map((c) => [c.locationId, c]));
  return current
    .filter(varied)
    .filter((c) => before.has(c.locationId))
    .map((c) => ({
      storeId: c.locationId,
      regionId: c.regionId,
      varianceQty: totals(c.variances).varianceQty,
      previousVarianceQty: totals(before.get(c.locationId)!.variances).varianceQty,
    }));
}
