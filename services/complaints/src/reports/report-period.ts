/**
 * Report periods (§1.7.5) as instants: a day, a week ending on Friday (the Friday meeting, [003]),
 * or a calendar month, all in the stores' local time (a fixed offset; Asia/Shanghai by default).
 */
export type ReportPeriod = 'day' | 'week' | 'month';

export interface PeriodWindow {
  period: ReportPeriod;
  /** Local dates, inclusive. */
  firstDay: string;
  lastDay: string;
  /** Instants, half-open [fromAt, toAt). */
  fromAt: string;
  toAt: string;
}

const DAY_MS = 86_400_000;
const FRIDAY = 5;

function dateOnly(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function periodWindow(period: ReportPeriod, from: string, utcOffsetMinutes = 480): PeriodWindow {
  const day = Date.parse(`${from}T00:00:00.000Z`);
  if (Number.isNaN(day) || dateOnly(day) !== from) throw new RangeError(`Not a date: ${from}`);
  let first = day;
  let last = day;
  if (period === 'week') {
    // The week reported on Friday: the seven days ending on the first Friday on or after `from`.
    last = day + (((FRIDAY - new Date(day).getUTCDay() + 7) % 7) * DAY_MS);
    first = last - 6 * DAY_MS;
  } else if (period === 'month') {
    const d = new Date(day);
    first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY_MS;
  }
  const offset = utcOffsetMinutes * 60_000;
  return {
    period,
    firstDay: dateOnly(first),
    lastDay: dateOnly(last),
    fromAt: new Date(first - offset).toISOString(),
    toAt: new Date(last + DAY_MS - offset).toISOString(),
  };
}

export function inWindow(at: string | Date | null | undefined, w: PeriodWindow): boolean {
  if (!at) return false;
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return ms >= Date.parse(w.fromAt) && ms < Date.parse(w.toAt);
}
