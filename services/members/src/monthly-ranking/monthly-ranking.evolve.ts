import type { MonthlyRankingEvent } from './monthly-ranking.events.js';
import { monthlyRankingLifecycle } from './monthly-ranking.lifecycle.js';
import type { MonthlyRankingState } from './monthly-ranking.state.js';

export function evolveMonthlyRanking(state: MonthlyRankingState, event: MonthlyRankingEvent): MonthlyRankingState {
  switch (event.type) {
    case 'MonthlyRankingPublished': {
      const { at, by: _by, ...d } = event.data;
      return { ...d, status: monthlyRankingLifecycle.statusAfter(event, state?.status), publishedAt: at };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
