import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';
import type { PublishMonthlyRanking } from './monthly-ranking.commands.js';
import { monthlyRankingDecider, monthlyRankingStreamId } from './monthly-ranking.decider.js';
import type { MonthlyRankingPublished } from './monthly-ranking.events.js';
import { rankStore } from './monthly-ranking.values.js';

const spec = DeciderSpecification(monthlyRankingDecider);
const APRIL_1 = '2026-03-31T16:00:00.000Z';
const system = { id: 'system', role: 'system' };
const rules = (rankingSize = 2) => ({ revision: 4, rules: { ...DEFAULT_LOYALTY_RULES, rankingSize } });

const publish = (extra: Partial<PublishMonthlyRanking> = {}): PublishMonthlyRanking => ({
  type: 'PublishMonthlyRanking',
  month: '2026-03',
  candidates: [
    { storeId: 's2', members: [{ memberId: 'x', netSpend: 500, txCount: 1 }] },
    {
      storeId: 's1',
      members: [
        { memberId: 'a', netSpend: 100, txCount: 1 },
        { memberId: 'b', netSpend: 300, txCount: 2 },
        { memberId: 'c', netSpend: 200, txCount: 1 },
      ],
    },
    { storeId: 's3', members: [{ memberId: 'y', netSpend: 0, txCount: 1 }] },
  ],
  rules: rules(),
  now: APRIL_1,
  actor: system,
  ...extra,
});

const published: MonthlyRankingPublished = {
  type: 'MonthlyRankingPublished',
  data: {
    month: '2026-03',
    rankingSize: 2,
    rulesRevision: 4,
    stores: [
      { storeId: 's1', ranked: [{ rank: 1, memberId: 'b', netSpend: 300, txCount: 2 }, { rank: 2, memberId: 'c', netSpend: 200, txCount: 1 }] },
      { storeId: 's2', ranked: [{ rank: 1, memberId: 'x', netSpend: 500, txCount: 1 }] },
    ],
    dueBy: '2026-04-04T16:00:00.000Z',
    at: APRIL_1,
    by: system.id,
  },
};

describe('MonthlyRanking', () => {
  it('should keep one stream per month', () => {
    expect(monthlyRankingStreamId('2026-03')).toBe('monthly-ranking-2026-03');
  });

  describe('when the run publishes a month’s ranking', () => {
    it('should rank the top N of each store by net spend, due before the 5th', () => {
      spec.given([]).when(publish()).then([published]);
    });

    it('should refuse to publish again', () => {
      spec.given([published]).when(publish()).thenThrows(DomainError, 'MONTHLY_RANKING_ALREADY_PUBLISHED');
    });

    it('should refuse before the month is over in local time', () => {
      spec.given([]).when(publish({ now: '2026-03-31T15:59:59.999Z' })).thenThrows(DomainError, 'RANKING_MONTH_NOT_OVER');
    });

    it('should refuse a malformed month', () => {
      spec.given([]).when(publish({ month: '2026-3' })).thenThrows(DomainError, 'INVALID_MONTH');
    });
  });

  describe('when ranking a store', () => {
    it('should share a rank on equal spend and count, break ties by count, and skip no spend', () => {
      expect(
        rankStore(
          [
            { memberId: 'b', netSpend: 100, txCount: 1 },
            { memberId: 'a', netSpend: 100, txCount: 1 },
            { memberId: 'c', netSpend: 100, txCount: 3 },
            { memberId: 'd', netSpend: 50, txCount: 1 },
            { memberId: 'e', netSpend: -10, txCount: 1 },
          ],
          10,
        ),
      ).toEqual([
        { rank: 1, memberId: 'c', netSpend: 100, txCount: 3 },
        { rank: 2, memberId: 'a', netSpend: 100, txCount: 1 },
        { rank: 2, memberId: 'b', netSpend: 100, txCount: 1 },
        { rank: 4, memberId: 'd', netSpend: 50, txCount: 1 },
      ]);
    });
  });
});
