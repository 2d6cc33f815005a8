import type { Event } from '@cs/eventstore';
import type { CountLine, EscalationCause, PinnedLine, VarianceLine } from './stocktake.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type StocktakeStarted = Event<
  'StocktakeStarted',
  { stocktakeId: string; locationId: string; locationKind: 'hq' | 'store'; regionId?: string; period: string; lines: PinnedLine[] } & Stamp
>;
/** Counted lines of a round; a later count of a SKU replaces the earlier one in the state, both stay in the log. */
export type StocktakeCounted = Event<'StocktakeCounted', { round: number; lines: CountLine[] } & Stamp>;
export type StocktakeSubmitted = Event<'StocktakeSubmitted', { round: number; lines: VarianceLine[]; note?: string } & Stamp>;
export type StocktakeEscalated = Event<'StocktakeEscalated', { round: number; causes: Array<{ sku: string; cause: EscalationCause }> } & Stamp>;
export type StocktakeRecountOrdered = Event<'StocktakeRecountOrdered', { round: number; reason: string } & Stamp>;
/** Approved (or nothing to approve): each non-zero variance becomes a stock adjustment in the same transaction. */
export type StocktakeConfirmed = Event<'StocktakeConfirmed', { adjustments: Array<{ sku: string; delta: number }>; note?: string } & Stamp>;

export type StocktakeEvent =
  | StocktakeStarted
  | StocktakeCounted
  | StocktakeSubmitted
  | StocktakeEscalated
  | StocktakeRecountOrdered
  | StocktakeConfirmed;
