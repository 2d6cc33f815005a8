import type { VarianceLine } from '../stocktake/stocktake.values.js';
import { summarise, watchList, type ConfirmedCount } from './stocktake-summary.js';

const line = (sku: string, bookQty: number, counted: number, unitCost = 100): VarianceLine => ({
  sku,
  bookQty,
  counted,
  variance: counted - bookQty,
  varianceValue: (counted - bookQty) * unitCost,
  tolerance: 1,
  movementsDuringCount: 0,
});
const count = (locationId: string, regionId: string, variances: VarianceLine[], locationKind: 'hq' | 'store' = 'store'): ConfirmedCount => ({
  stocktakeId: `st-${locationId}`,
  locationId,
  locationKind,
  regionId,
  variances,
});

describe('Stocktake summary', () => {
  it('should total per store, region and chain, with the warehouse apart', () => {
    const summary = summarise('2026-01', [
      count('S001', 'R1', [line('G-1', 100, 98), line('G-2', 10, 10)]),
      count('S002', 'R1', [line('G-1', 50, 50)]),
      count('S003', 'R2', [line('G-1', 40, 41)]),
      count('HQ', 'R0', [line('G-1', 500, 495)], 'hq'),
    ]);
    expect(summary.stores[0]).toMatchObject({ storeId: 'S001', bookQty: 110, countedQty: 108, varianceQty: -2, varianceValue: -200, varianceRate: -0.0182 });
    expect(summary.regions).toEqual([
      { regionId: 'R1', bookQty: 160, countedQty: 158, varianceQty: -2, varianceValue: -200, varianceRate: -0.0125 },
      { regionId: 'R2', bookQty: 40, countedQty: 41, varianceQty: 1, varianceValue: 100, varianceRate: 0.025 },
    ]);
    expect(summary.chain).toMatchObject({ bookQty: 200, varianceQty: -1 });
    expect(summary.warehouse).toMatchObject({ varianceQty: -5 });
  });

  it('should watch-list stores with variances two periods running', () => {
    const previous = [count('S001', 'R1', [line('G-1', 10, 9)]), count('S002', 'R1', [line('G-1', 10, 9)]), count('S003', 'R2', [line('G-1', 10, 10)])];
    const current = [count('S001', 'R1', [line('G-1', 10, 8)]), count('S002', 'R1', [line('G-1', 10, 10)]), count('S003', 'R2', [line('G-1', 10, 9)])];
    expect(watchList(current, previous)).toEqual([{ storeId: 'S001', regionId: 'R1', varianceQty: -2, previousVarianceQty: -1 }]);
  });
});
