import type { ConfigActor } from '../sla-config.values.js';

export interface DefineWorkingCalendar {
  type: 'DefineWorkingCalendar';
  /** IANA zone or fixed offset, as Intl.DateTimeFormat accepts it. */
  timezone: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekendDays: number[];
  /** 'YYYY-MM-DD' dates in the calendar's timezone. */
  holidays: string[];
  makeUpWorkingDays: string[];
  now: string;
  actor: ConfigActor;
}

export type WorkingCalendarCommand = DefineWorkingCalendar;
