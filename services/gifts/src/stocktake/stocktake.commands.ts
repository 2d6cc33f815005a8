import type { GiftsCommandEnvelope } from '../shared/gifts-actor.js';
import type { CountLine, TolerancePolicy } from './stocktake.values.js';

interface StocktakeCommandBase extends GiftsCommandEnvelope {
  stocktakeId: string;
}

/** The book per SKU as read from the stock streams at this instant, with the catalogue's cost and value class. */
export interface StartStocktake extends StocktakeCommandBase {
  type: 'StartStocktake';
  locationId: string;
  locationKind: 'hq' | 'store';
  regionId?: string;
  period: string;
  book: Array<{ sku: string; bookQty: number; pinnedVersion: number; unitCost: number; highValue: boolean }>;
  tolerance: TolerancePolicy;
}
export interface RecordStocktakeCounts extends StocktakeCommandBase {
  type: 'RecordStocktakeCounts';
  lines: CountLine[];
}
/** `movementsDuringCount`: net movement per SKU since its pinned version, read from the stock streams. */
export interface SubmitStocktake extends StocktakeCommandBase {
  type: 'SubmitStocktake';
  movementsDuringCount: Record<string, number>;
  note?: string;
}
export interface ApproveStocktake extends StocktakeCommandBase {
  type: 'ApproveStocktake';
  note?: string;
}
export interface OrderRecount extends StocktakeCommandBase {
  type: 'OrderRecount';
  reason: string;
}

export type StocktakeCommand = StartStocktake | RecordStocktakeCounts | SubmitStocktake | ApproveStocktake | OrderRecount;
