import { isWorkingDay, localDate, timezoneOffsetMinutes, type WorkingCalendar } from '../sla/working-calendar.js';

/** [PROPOSED] R51: the team lead's second call is due by this local time on the next working day. */
export const DEFAULT_SECOND_CALL_DEADLINE_TIME = '17:00';

const DAY_MS = 86_400_000;

/**
 * The instant of `time` (HH:MM, local) on the first working day after the local date of
 * `notifiedAt`: notified on a Friday, due Monday at 17:00; a holiday in between is skipped.
 */
export function secondCallDueAt(notifiedAt: string, calendar: WorkingCalendar, time = DEFAULT_SECOND_CALL_DEADLINE_TIME): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a local time HH:MM: ${time}`);
  let day = Date.parse(`${localDate(notifiedAt, calendar)}T00:00:00Z`);
  for (let guard = 0; ; guard++) {
    if (guard > 3660) throw new RangeError('The calendar has no working days within ten years');
    day += DAY_MS;
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10), calendar)) break;
  }
  const wall = day + (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  const first = wall - timezoneOffsetMinutes(calendar.timezone, wall) * 60_000;
  return new Date(wall - timezoneOffsetMinutes(calendar.timezone, first) * 60_000).toISOString();
}
