import type { Actor } from '@cs/eventstore';
import type { LoyaltyRulesInForce } from '../loyalty-config/loyalty-config.values.js';
import type { RankingCandidate } from './monthly-ranking.values.js';

export interface PublishMonthlyRanking {
  type: 'PublishMonthlyRanking';
  month: string;
  /** Every member with spend in the month, per store, as the spend projection has it. */
  candidates: Array<{ storeId: string; members: RankingCandidate[] }>;
  rules: LoyaltyRulesInForce;
  now: string;
  actor: Pick<Actor, 'id' | 'role' | 'name'>;
}

export type MonthlyRankingCommand = PublishMonthlyRanking;
