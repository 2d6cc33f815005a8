import type { Decider } from '@cs/eventstore';
import type { MonthlyRankingCommand } from './monthly-ranking.commands.js';
import { decideMonthlyRanking } from './monthly-ranking.decide.js';
import type { MonthlyRankingEvent } from './monthly-ranking.events.js';
import { evolveMonthlyRanking } from './monthly-ranking.evolve.js';
import { initialMonthlyRankingState, type MonthlyRankingState } from './monthly-ranking.state.js';

export const MONTHLY_RANKING_STREAM_TYPE = 'monthly-ranking';

/** One stream per month, every store in it. */
export function monthlyRankingStreamId(month: string): string {
  return `${MONTHLY_RANKING_STREAM_TYPE}-${month}`;
}

export const monthlyRankingDecider: Decider<MonthlyRankingState, MonthlyRankingCommand, MonthlyRankingEvent> = {
  decide: decideMonthlyRanking,
  evolve: evolveMonthlyRanking,
  initialState: initialMonthlyRankingState,
};
