import { timezoneOffsetMinutes, type WorkingCalendar } from '../../sla/working-calendar.js';
import { mayChangeSlaConfig } from '../sla-config.values.js';
import type { DefineWorkingCalendar } from './working-calendar.commands.js';
import { holidayIsMakeUpDay, invalidDate, invalidTimezone, invalidWeekendDays, slaConfigForbidden } from './working-calendar.errors.js';
import type { WorkingCalendarEvent } from './working-calendar.events.js';
import type { WorkingCalendarState } from './working-calendar.state.js';
import { isCalendarDate } from './working-calendar.values.js';

function validTimezone(timezone: string): string {
  try {
    // Intl refuses unknown zones; the offset must also be resolvable for the SLA arithmetic
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    timezoneOffsetMinutes(timezone, 0);
    return timezone;
  } catch {
    throw invalidTimezone(timezone);
  }
}

function validDates(dates: readonly string[], field: string): string[] {
  const bad = dates.filter((d) => !isCalendarDate(d));
  if (bad.length) throw invalidDate(field, bad);
  return [...new Set(dates)].sort();
}

function validCalendar(command: DefineWorkingCalendar): WorkingCalendar {
  const timezone = validTimezone(command.timezone);
  if (!command.weekendDays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    throw invalidWeekendDays('weekendDays must be whole numbers from 0 (Sunday) to 6 (Saturday)');
  }
  const weekendDays = [...new Set(command.weekendDays)].sort((a, b) => a - b);
  if (weekendDays.length === 7) throw invalidWeekendDays('A week needs at least one working day');
  const holidays = validDates(command.holidays, 'holidays');
  const makeUpWorkingDays = validDates(command.makeUpWorkingDays, 'makeUpWorkingDays');
  const both = holidays.filter((d) => makeUpWorkingDays.includes(d));
  if (both.length) throw holidayIsMakeUpDay(both);
  return { timezone, weekendDays, holidays, makeUpWorkingDays };
}

function sameCalendar(a: WorkingCalendar, b: WorkingCalendar): boolean {
  const same = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.timezone === b.timezone &&
    same(a.weekendDays, b.weekendDays) &&
    same(a.holidays, b.holidays) &&
    same(a.makeUpWorkingDays, b.makeUpWorkingDays)
  );
}

export function decideDefineWorkingCalendar(command: DefineWorkingCalendar, state: WorkingCalendarState): WorkingCalendarEvent[] {
  if (!mayChangeSlaConfig(command.actor)) throw slaConfigForbidden(command.actor.role);
  const calendar = validCalendar(command);
  if (state && sameCalendar(state.calendar, calendar)) return [];
  return [{ type: 'WorkingCalendarDefined', data: { ...calendar, at: command.now, by: command.actor.id } }];
}
