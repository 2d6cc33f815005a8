import type { StoreRanking } from './monthly-ranking.values.js';

export type MonthlyRankingStatus = 'published';

export interface MonthlyRanking {
  status: MonthlyRankingStatus;
  month: string;
  rankingSize: number;
  rulesRevision: number;
  stores: StoreRanking[];
  publishedAt: string;
  dueBy: string;
}

export type MonthlyRankingState = MonthlyRanking | null;

export const initialMonthlyRankingState = (): MonthlyRankingState => null;
