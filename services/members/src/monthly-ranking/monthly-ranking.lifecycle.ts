import { defineLifecycle } from '@cs/eventstore';
import type { MonthlyRankingCommand } from './monthly-ranking.commands.js';
import type { MonthlyRankingEvent } from './monthly-ranking.events.js';
import type { MonthlyRankingStatus } from './monthly-ranking.state.js';

/** Published once and never changed: the letters and vouchers go out on what was published. */
export const monthlyRankingLifecycle = defineLifecycle<MonthlyRankingStatus, MonthlyRankingCommand, MonthlyRankingEvent>({
  name: 'monthly ranking',
  statuses: ['published'],
  terminal: ['published'],
  commands: { PublishMonthlyRanking: 'create' },
  events: { MonthlyRankingPublished: 'published' },
});
