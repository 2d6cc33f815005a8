import { ValidateBy, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Date, time to at least minutes, optional seconds and fraction, and a mandatory offset. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** True for a real YYYY-MM-DD date (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * True for an ISO-8601 instant as this API exchanges them: a real calendar date, a time, and an
 * explicit offset (`Z` or `±hh:mm`). Week dates, ordinal dates and offset-less local times are
 * refused: they are read differently by different parsers.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isCalendarDate(match[1]) && !Number.isNaN(Date.parse(value));
}

/** A real YYYY-MM-DD date. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a date in YYYY-MM-DD format' } },
    options,
  );
}

/** An ISO-8601 instant with an explicit offset, e.g. 2026-06-01T09:30:00+08:00. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: () => '$property must be an ISO-8601 instant with an offset, e.g. 2026-06-01T09:30:00+08:00',
      },
    },
    options,
  );
}

/** Money in integer minor units (fen), up to a sanity cap of 100 million yuan. */
export const MAX_AMOUNT_FEN = 10_000_000_000;
