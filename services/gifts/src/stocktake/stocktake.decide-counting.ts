import { compact } from '@cs/eventstore';
import { duplicateSku, stamp } from '../shared/gifts-actor.js';
import type { RecordStocktakeCounts, StartStocktake } from './stocktake.commands.js';
import { stocktakeCountInvalid, stocktakeDuplicateLine, stocktakeLineUnknown, stocktakeNothingToCount } from './stocktake.errors.js';
import type { StocktakeEvent } from './stocktake.events.js';
import type { Stocktake } from './stocktake.state.js';
import { toleranceFor } from './stocktake.values.js';

/** Counting starts: the book of every SKU is pinned at its stream position now. */
export function decideStartStocktake(command: StartStocktake): StocktakeEvent[] {
  if (command.book.length === 0) throw stocktakeNothingToCount(command.locationId);
  const duplicate = duplicateSku(command.book);
  if (duplicate) throw stocktakeDuplicateLine(duplicate);
  const lines = command.book.map((b) => ({
    sku: b.sku,
    bookQty: b.bookQty,
    pinnedVersion: b.pinnedVersion,
    unitCost: b.unitCost,
    tolerance: toleranceFor(b.bookQty, b.highValue, command.tolerance),
  }));
  return [
    {
      type: 'StocktakeStarted',
      data: compact({
        stocktakeId: command.stocktakeId,
        locationId: command.locationId,
        locationKind: command.locationKind,
        regionId: command.regionId,
        period: command.period,
        lines,
        ...stamp(command),
      }),
    },
  ];
}

export function decideRecordStocktakeCounts(command: RecordStocktakeCounts, stocktake: Stocktake): StocktakeEvent[] {
  const duplicate = duplicateSku(command.lines);
  if (duplicate) throw stocktakeDuplicateLine(duplicate);
  for (const line of command.lines) {
    if (!stocktake.pinned.some((p) => p.sku === line.sku)) throw stocktakeLineUnknown(line.sku);
    if (!Number.isInteger(line.counted) || line.counted < 0) throw stocktakeCountInvalid(line.sku, line.counted);
  }
  return [{ type: 'StocktakeCounted', data: { round: stocktake.round, lines: command.lines.map((l) => compact({ ...l })), ...stamp(command) } }];
}
