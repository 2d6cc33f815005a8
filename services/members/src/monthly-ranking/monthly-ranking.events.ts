import type { Event } from '@cs/eventstore';
import type { StoreRanking } from './monthly-ranking.values.js';

/** The ranking of `month` (R93), published by the run on the 1st of the month after; due by the end of the 4th. */
export type MonthlyRankingPublished = Event<
  'MonthlyRankingPublished',
  { month: string; rankingSize: number; rulesRevision: number; stores: StoreRanking[]; dueBy: string; at: string; by: string }
>;

export type MonthlyRankingEvent = MonthlyRankingPublished;
