import { DomainError } from '@cs/eventstore';

export const MonthlyRankingErrorCodes = {
  ALREADY_EXISTS: 'MONTHLY_RANKING_ALREADY_PUBLISHED',
  INVALID_TRANSITION: 'MONTHLY_RANKING_INVALID_TRANSITION',
  INVALID_MONTH: 'INVALID_MONTH',
  MONTH_NOT_OVER: 'RANKING_MONTH_NOT_OVER',
} as const;

const E = MonthlyRankingErrorCodes;

export const rankingAlreadyPublished = (month: string) =>
  new DomainError(E.ALREADY_EXISTS, `The ranking of ${month} is already published`, 'conflict', { month });

export const invalidRankingMonth = (month: string) =>
  new DomainError(E.INVALID_MONTH, `${month} is not a YYYY-MM month`, 'rule', { field: 'month' });

export const monthNotOver = (month: string, endsAt: string) =>
  new DomainError(E.MONTH_NOT_OVER, `${month} is not over before ${endsAt}`, 'rule', { month, endsAt });
