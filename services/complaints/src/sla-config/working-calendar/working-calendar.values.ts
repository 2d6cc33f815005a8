/** A calendar is defined, then redefined as a whole; each definition is a version. */
export const WORKING_CALENDAR_STATUSES = ['defined'] as const;
export type WorkingCalendarStatus = (typeof WORKING_CALENDAR_STATUSES)[number];

/** One calendar for now; the id keeps room for per-region calendars. */
export const DEFAULT_CALENDAR_ID = 'default';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An existing date written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
