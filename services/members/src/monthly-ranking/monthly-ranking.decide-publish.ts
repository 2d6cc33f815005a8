import { addCalendarDays, nextMonth, startOfLocalDay, startOfLocalMonth } from '../local-time/local-time.js';
import type { PublishMonthlyRanking } from './monthly-ranking.commands.js';
import { invalidRankingMonth, monthNotOver } from './monthly-ranking.errors.js';
import type { MonthlyRankingEvent } from './monthly-ranking.events.js';
import { rankStore } from './monthly-ranking.values.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Once the month is over (local time): top N per store; due before the 5th of the next month (R93). */
export function decidePublish(command: PublishMonthlyRanking): MonthlyRankingEvent[] {
  if (!MONTH.test(command.month)) throw invalidRankingMonth(command.month);
  const { revision, rules } = command.rules;
  const endsAt = startOfLocalMonth(nextMonth(command.month), rules.timezone);
  if (Date.parse(command.now) < Date.parse(endsAt)) throw monthNotOver(command.month, endsAt);
  const stores = [...command.candidates]
    .sort((a, b) => a.storeId.localeCompare(b.storeId))
    .map(({ storeId, members }) => ({ storeId, ranked: rankStore(members, rules.rankingSize) }))
    .filter((s) => s.ranked.length > 0);
  const fifth = addCalendarDays(`${nextMonth(command.month)}-01`, 4);
  return [
    {
      type: 'MonthlyRankingPublished',
      data: {
        month: command.month,
        rankingSize: rules.rankingSize,
        rulesRevision: revision,
        stores,
        dueBy: startOfLocalDay(fifth, rules.timezone),
        at: command.now,
        by: command.actor.id,
      },
    },
  ];
}
