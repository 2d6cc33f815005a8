/** Calendar arithmetic in a time zone, pure (Intl only): month and day boundaries as instants. */

function offsetMinutes(instantMs: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** The instant local midnight starts `day` (YYYY-MM-DD) in `timezone`. */
export function startOfLocalDay(day: string, timezone: string): string {
  const naive = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  // two passes settle days where the offset changes (DST) around midnight
  let guess = naive - offsetMinutes(naive, timezone) * 60_000;
  guess = naive - offsetMinutes(guess, timezone) * 60_000;
  return new Date(guess).toISOString();
}

/** `YYYY-MM-DD` of an instant in `timezone`. */
export function localDayOf(instant: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** `YYYY-MM` of an instant in `timezone`. */
export const localMonthOf = (instant: string, timezone: string): string => localDayOf(instant, timezone).slice(0, 7);

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The instant the month starts, local midnight of its 1st. */
export const startOfLocalMonth = (month: string, timezone: string): string => startOfLocalDay(`${month}-01`, timezone);

/** `YYYY-MM-DD` plus `days`. */
export function addCalendarDays(day: string, days: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

/** This year's date of a birthday (MM-DD of `birthDate`); 29 February falls on 28 February in other years. */
export function birthdayIn(year: number, birthDate: string): string {
  const mmdd = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${mmdd === '02-29' && !leap ? '02-28' : mmdd}`;
}
