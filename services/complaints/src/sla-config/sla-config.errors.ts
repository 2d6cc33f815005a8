import { DomainError, type Actor } from '@cs/eventstore';

/** Stable error codes of the SLA policy and working calendar aggregates. */
export const SlaConfigErrorCodes = {
  FORBIDDEN: 'SLA_CONFIG_FORBIDDEN',
  INVALID_POLICY_ID: 'INVALID_SLA_POLICY_ID',
  INVALID_DURATION: 'INVALID_SLA_DURATION',
  INVALID_WARNING_RATIO: 'INVALID_SLA_WARNING_RATIO',
  INVALID_TIMEZONE: 'INVALID_TIMEZONE',
  INVALID_WEEKEND_DAYS: 'INVALID_WEEKEND_DAYS',
  INVALID_DATE: 'INVALID_CALENDAR_DATE',
  HOLIDAY_IS_MAKE_UP_DAY: 'HOLIDAY_IS_MAKE_UP_DAY',
} as const;

export type ConfigActor = Pick<Actor, 'id' | 'role' | 'name'>;

/** Who may change SLA configuration; the gateway checks the same roles before calling. */
export const SLA_CONFIG_ROLES: readonly string[] = ['hq_cs_manager', 'admin'];

export function requireConfigRole(actor: ConfigActor): void {
  if (!SLA_CONFIG_ROLES.includes(actor.role)) {
    throw new DomainError(SlaConfigErrorCodes.FORBIDDEN, `The role ${actor.role} may not change SLA configuration`, 'forbidden');
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) => new DomainError(code, message, 'rule', details);
