import type { Decider } from '@cs/eventstore';
import { timezoneOffsetMinutes, type WorkingCalendar } from '../sla/working-calendar.js';
import type { DefineWorkingCalendar, WorkingCalendarCommand } from './working-calendar.commands.js';
import type { WorkingCalendarEvent } from './working-calendar.events.js';
import { invalid, requireConfigRole, SlaConfigErrorCodes as E } from './sla-config.errors.js';

export const WORKING_CALENDAR_STREAM_TYPE = 'working-calendar';
/** One calendar for now; the id keeps room for per-region calendars. */
export const DEFAULT_CALENDAR_ID = 'default';

export function workingCalendarStreamId(calendarId: string = DEFAULT_CALENDAR_ID): string {
  return `${WORKING_CALENDAR_STREAM_TYPE}-${calendarId}`;
}

/** Null until the first definition; the configured calendar applies meanwhile. */
export interface WorkingCalendarState {
  calendar: WorkingCalendar | null;
  definedAt?: string;
  definedBy?: string;
}

export const initialWorkingCalendarState = (): WorkingCalendarState => ({ calendar: null });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

function validTimezone(timezone: string): string {
  try {
    // Intl refuses unknown zones; the offset must also be resolvable for the SLA arithmetic
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    timezoneOffsetMinutes(timezone, 0);
    return timezone;
  } catch {
    throw invalid(E.INVALID_TIMEZONE, `${timezone} is not a known timezone`, { field: 'timezone' });
  }
}

function validDates(dates: readonly string[], field: string): string[] {
  const bad = dates.filter((d) => !isCalendarDate(d));
  if (bad.length) throw invalid(E.INVALID_DATE, `${field} must hold existing dates as YYYY-MM-DD: ${bad.join(', ')}`, { field });
  return [...new Set(dates)].sort();
}

function validCalendar(command: DefineWorkingCalendar): WorkingCalendar {
  const timezone = validTimezone(command.timezone);
  if (!command.weekendDays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    throw invalid(E.INVALID_WEEKEND_DAYS, 'weekendDays must be whole numbers from 0 (Sunday) to 6 (Saturday)', { field: 'weekendDays' });
  }
  const weekendDays = [...new Set(command.weekendDays)].sort((a, b) => a - b);
  if (weekendDays.length === 7) {
    throw invalid(E.INVALID_WEEKEND_DAYS, 'A week needs at least one working day', { field: 'weekendDays' });
  }
  const holidays = validDates(command.holidays, 'holidays');
  const makeUpWorkingDays = validDates(command.makeUpWorkingDays, 'makeUpWorkingDays');
  const both = holidays.filter((d) => makeUpWorkingDays.includes(d));
  if (both.length) {
    throw invalid(E.HOLIDAY_IS_MAKE_UP_DAY, `A date cannot be both a holiday and a make-up working day: ${both.join(', ')}`, { dates: both });
  }
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

export function decideWorkingCalendar(command: WorkingCalendarCommand, state: WorkingCalendarState): WorkingCalendarEvent[] {
  switch (command.type) {
    case 'DefineWorkingCalendar': {
      requireConfigRole(command.actor);
      const calendar = validCalendar(command);
      if (state.calendar && sameCalendar(state.calendar, calendar)) return [];
      return [{ type: 'WorkingCalendarDefined', data: { ...calendar, at: command.now, by: command.actor.id } }];
    }
    default: {
      // a single-member union does not narrow as a whole: check its discriminant
      const _exhaustive: never = command.type;
      throw new Error(`Unhandled command ${String(_exhaustive)}`);
    }
  }
}

export function evolveWorkingCalendar(state: WorkingCalendarState, event: WorkingCalendarEvent): WorkingCalendarState {
  switch (event.type) {
    case 'WorkingCalendarDefined': {
      const { at, by, ...calendar } = event.data;
      return { calendar, definedAt: at, definedBy: by };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

export const workingCalendarDecider: Decider<WorkingCalendarState, WorkingCalendarCommand, WorkingCalendarEvent> = {
  decide: decideWorkingCalendar,
  evolve: evolveWorkingCalendar,
  initialState: initialWorkingCalendarState,
};
