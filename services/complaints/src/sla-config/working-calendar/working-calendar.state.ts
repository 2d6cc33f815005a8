import type { WorkingCalendar } from '../../sla/working-calendar.js';
import type { WorkingCalendarStatus } from './working-calendar.values.js';

export interface DefinedWorkingCalendar {
  status: WorkingCalendarStatus;
  calendar: WorkingCalendar;
  definedAt: string;
  definedBy: string;
}

/** Null until the first definition; the configured calendar applies meanwhile. */
export type WorkingCalendarState = DefinedWorkingCalendar | null;

export const initialWorkingCalendarState = (): WorkingCalendarState => null;
