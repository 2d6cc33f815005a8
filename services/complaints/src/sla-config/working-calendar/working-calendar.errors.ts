import { DomainError } from '@cs/eventstore';

/** Stable error codes of the working calendar aggregate. */
export const WorkingCalendarErrorCodes = {
  FORBIDDEN: 'SLA_CONFIG_FORBIDDEN',
  INVALID_TRANSITION: 'WORKING_CALENDAR_INVALID_TRANSITION',
  INVALID_TIMEZONE: 'INVALID_TIMEZONE',
  INVALID_WEEKEND_DAYS: 'INVALID_WEEKEND_DAYS',
  INVALID_CALENDAR_DATE: 'INVALID_CALENDAR_DATE',
  HOLIDAY_IS_MAKE_UP_DAY: 'HOLIDAY_IS_MAKE_UP_DAY',
} as const;
export type WorkingCalendarErrorCode = (typeof WorkingCalendarErrorCodes)[keyof typeof WorkingCalendarErrorCodes];

const C = WorkingCalendarErrorCodes;

export const slaConfigForbidden = (role: string) =>
  new DomainError(C.FORBIDDEN, `The role ${role} may not change SLA configuration`, 'forbidden');

export const invalidTransition = (action: string, status: string | undefined) =>
  new DomainError(C.INVALID_TRANSITION, `${action} is not allowed while the working calendar is ${status ?? 'undefined'}`, 'conflict', {
    action,
    status: status ?? null,
  });

export const invalidTimezone = (timezone: string) =>
  new DomainError(C.INVALID_TIMEZONE, `${timezone} is not a known timezone`, 'rule', { field: 'timezone' });

export const invalidWeekendDays = (message: string) => new DomainError(C.INVALID_WEEKEND_DAYS, message, 'rule', { field: 'weekendDays' });

export const invalidDate = (field: string, dates: readonly string[]) =>
  new DomainError(C.INVALID_CALENDAR_DATE, `${field} must hold existing dates as YYYY-MM-DD: ${dates.join(', ')}`, 'rule', { field });

export const holidayIsMakeUpDay = (dates: readonly string[]) =>
  new DomainError(C.HOLIDAY_IS_MAKE_UP_DAY, `A date cannot be both a holiday and a make-up working day: ${dates.join(', ')}`, 'rule', {
    dates,
  });
