import { defineLifecycle } from '@cs/eventstore';
import type { WorkingCalendarCommand } from './working-calendar.commands.js';
import { invalidTransition } from './working-calendar.errors.js';
import type { WorkingCalendarEvent } from './working-calendar.events.js';
import { WORKING_CALENDAR_STATUSES, type WorkingCalendarStatus } from './working-calendar.values.js';

/** A definition creates the calendar and every later one replaces it. */
export const workingCalendarLifecycle = defineLifecycle<WorkingCalendarStatus, WorkingCalendarCommand, WorkingCalendarEvent>({
  name: 'working calendar',
  statuses: WORKING_CALENDAR_STATUSES,
  terminal: [],
  commands: { DefineWorkingCalendar: ['create', 'defined'] },
  events: { WorkingCalendarDefined: 'defined' },
  refuse: invalidTransition,
});
