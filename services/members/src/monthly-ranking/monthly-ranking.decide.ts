import type { MonthlyRankingCommand } from './monthly-ranking.commands.js';
import { decidePublish } from './monthly-ranking.decide-publish.js';
import { rankingAlreadyPublished } from './monthly-ranking.errors.js';
import type { MonthlyRankingEvent } from './monthly-ranking.events.js';
import type { MonthlyRankingState } from './monthly-ranking.state.js';

export function decideMonthlyRanking(command: MonthlyRankingCommand, state: MonthlyRankingState): MonthlyRankingEvent[] {
  switch (command.type) {
    case 'PublishMonthlyRanking':
      if (state) throw rankingAlreadyPublished(command.month);
      return decidePublish(command);
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`Unhandled command ${String(_exhaustive)}`);
    }
  }
}
