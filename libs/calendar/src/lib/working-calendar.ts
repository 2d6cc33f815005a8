/**
 * Working-day arithmetic for SLA clocks (D5). Pure: instants in, instants out. Dates are local
 * calendar dates ('YYYY-MM-DD') in the calendar's timezone; instants are ISO-8601 strings.
 */
export interface WorkingCalendar {
  /** IANA zone ('Asia/Shanghai') or a fixed offset ('+08:00', 'UTC'). */
  timezone: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekendDays: number[];
  /** Non-working dates, even on weekdays. */
  holidays: string[];
  /** Working dates, even on weekend days (调休 make-up days). */
  makeUpWorkingDays: string[];
}

export const DEFAULT_WORKING_CALENDAR: Readonly<WorkingCalendar> = Object.freeze({
  timezone: 'Asia/Shanghai',
  weekendDays: [0, 6],
  holidays: [],
  makeUpWorkingDays: [],
});

export function workingCalendar(overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    timezone: overrides.timezone ?? DEFAULT_WORKING_CALENDAR.timezone,
    weekendDays: [...(overrides.weekendDays ?? DEFAULT_WORKING_CALENDAR.weekendDays)],
    holidays: [...(overrides.holidays ?? [])],
    makeUpWorkingDays: [...(overrides.makeUpWorkingDays ?? [])],
  };
}

const DAY_MS = 86_400_000;
const FIXED_OFFSET = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})$/;

function parseOffset(text: string): number | undefined {
  if (text === 'UTC' || text === 'GMT' || text === 'Z') return 0;
  const m = FIXED_OFFSET.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Offset of `timezone` from UTC, in minutes, at the given instant (DST-aware for IANA zones). */
export function timezoneOffsetMinutes(timezone: string, epochMs: number): number {
  const fixed = parseOffset(timezone);
  if (fixed !== undefined) return fixed;
  const name = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' })
    .formatToParts(epochMs)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name === undefined ? undefined : parseOffset(name);
  if (offset === undefined) throw new RangeError(`Cannot resolve the UTC offset of timezone ${timezone}`);
  return offset;
}

function parseInstant(instantIso: string): number {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${instantIso}`);
  return ms;
}

/** The local calendar date of an instant in the calendar's timezone. */
export function localDate(instantIso: string, calendar: Pick<WorkingCalendar, 'timezone'>): string {
  const ms = parseInstant(instantIso);
  return new Date(ms + timezoneOffsetMinutes(calendar.timezone, ms) * 60_000).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.makeUpWorkingDays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return !calendar.weekendDays.includes(weekday);
}

/** Local wall-clock milliseconds (as if UTC) → the real instant, resolving the zone offset twice for DST edges. */
function wallClockToEpoch(wallMs: number, timezone: string): number {
  const first = wallMs - timezoneOffsetMinutes(timezone, wallMs) * 60_000;
  return wallMs - timezoneOffsetMinutes(timezone, first) * 60_000;
}

/**
 * The instant at the same local time of day on the n-th working day after the receipt's local
 * date. A receipt on a non-working day still counts from its own date (Saturday + 1 → Monday).
 */
export function addWorkingDays(instantIso: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a non-negative integer, got ${n}`);
  const ms = parseInstant(instantIso);
  const wall = ms + timezoneOffsetMinutes(calendar.timezone, ms) * 60_000;
  if (n === 0) return new Date(ms).toISOString();
  const timeOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  let day = wall - timeOfDay;
  let counted = 0;
  // A calendar with no working day at all would loop forever; ten years is far beyond any SLA.
  for (let guard = 0; counted < n; guard++) {
    if (guard > 3660) throw new RangeError('The calendar has no working days within ten years');
    day += DAY_MS;
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10), calendar)) counted++;
  }
  return new Date(wallClockToEpoch(day + timeOfDay, calendar.timezone)).toISOString();
}

/** The instant at which the local date `date` ('YYYY-MM-DD') begins in `timezone`. */
export function startOfLocalDay(date: string, timezone: string): string {
  const wall = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(wall)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(wallClockToEpoch(wall, timezone)).toISOString();
}

/** The local date `days` calendar days after `date`. */
export function addCalendarDays(date: string, days: number): string {
  const wall = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(wall)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(wall + days * DAY_MS).toISOString().slice(0, 10);
}
