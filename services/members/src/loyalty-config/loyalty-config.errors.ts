import { DomainError } from '@cs/eventstore';

export const LoyaltyConfigErrorCodes = {
  NOT_FOUND: 'LOYALTY_CONFIG_NOT_FOUND',
  ALREADY_EXISTS: 'LOYALTY_CONFIG_ALREADY_EXISTS',
  INVALID_TRANSITION: 'LOYALTY_CONFIG_INVALID_TRANSITION',
  FORBIDDEN: 'LOYALTY_CONFIG_FORBIDDEN',
  INVALID_TIERS: 'INVALID_LOYALTY_TIERS',
  INVALID_EARN_RATE: 'INVALID_LOYALTY_EARN_RATE',
  INVALID_PERIOD: 'INVALID_LOYALTY_PERIOD',
  INVALID_RANKING_SIZE: 'INVALID_LOYALTY_RANKING_SIZE',
  INVALID_TIMEZONE: 'INVALID_LOYALTY_TIMEZONE',
  INVALID_BANDS: 'INVALID_LOYALTY_BANDS',
} as const;

const E = LoyaltyConfigErrorCodes;

export const loyaltyConfigNotFound = (configId: string) =>
  new DomainError(E.NOT_FOUND, `Loyalty rules ${configId} are not defined yet`, 'not_found', { configId });

export const loyaltyConfigAlreadyExists = (configId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Loyalty rules ${configId} are already defined: revise them`, 'conflict', { configId });

export const loyaltyConfigForbidden = (role: string) =>
  new DomainError(E.FORBIDDEN, `The role ${role} may not change the loyalty rules`, 'forbidden', { role });

export const invalidTiers = (message: string, field: string) => new DomainError(E.INVALID_TIERS, message, 'rule', { field });

export const invalidEarnRate = (message: string, field: string) =>
  new DomainError(E.INVALID_EARN_RATE, message, 'rule', { field });

export const invalidPeriod = (message: string, field: string) => new DomainError(E.INVALID_PERIOD, message, 'rule', { field });

export const invalidRankingSize = (max: number) =>
  new DomainError(E.INVALID_RANKING_SIZE, `rankingSize must be a whole number from 1 to ${max}`, 'rule', { field: 'rankingSize' });

export const invalidTimezone = (timezone: unknown) =>
  new DomainError(E.INVALID_TIMEZONE, `${String(timezone)} is not a known time zone`, 'rule', { field: 'timezone' });

export const invalidBands = (message: string, field: string) => new DomainError(E.INVALID_BANDS, message, 'rule', { field });
