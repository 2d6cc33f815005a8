import type { Event } from '@cs/eventstore';
import type { WorkingCalendar } from '../../sla/working-calendar.js';

/** The whole calendar, normalised (sorted, no duplicates); it replaces the previous one. */
export type WorkingCalendarDefined = Event<'WorkingCalendarDefined', WorkingCalendar & { at: string; by: string }>;

export type WorkingCalendarEvent = WorkingCalendarDefined;
