import type { CountLine, EscalationCause, PinnedLine, VarianceLine } from './stocktake.values.js';

export type StocktakeStatus = 'counting' | 'submitted' | 'escalated' | 'confirmed';

export interface Stocktake {
  status: StocktakeStatus;
  stocktakeId: string;
  locationId: string;
  locationKind: 'hq' | 'store';
  regionId?: string;
  period: string;
  startedAt: string;
  round: number;
  pinned: PinnedLine[];
  /** This round's counts per SKU. */
  counts: Record<string, CountLine>;
  variances?: VarianceLine[];
  escalation?: Array<{ sku: string; cause: EscalationCause }>;
}

export type StocktakeState = Stocktake | null;

export const initialStocktakeState = (): StocktakeState => null;
