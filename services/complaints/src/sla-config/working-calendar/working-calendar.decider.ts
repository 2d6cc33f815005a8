import type { Decider } from '@cs/eventstore';
import type { WorkingCalendarCommand } from './working-calendar.commands.js';
import { decideWorkingCalendar } from './working-calendar.decide.js';
import type { WorkingCalendarEvent } from './working-calendar.events.js';
import { evolveWorkingCalendar } from './working-calendar.evolve.js';
import { initialWorkingCalendarState, type WorkingCalendarState } from './working-calendar.state.js';
import { DEFAULT_CALENDAR_ID } from './working-calendar.values.js';

export const WORKING_CALENDAR_STREAM_TYPE = 'working-calendar';

export function workingCalendarStreamId(calendarId: string = DEFAULT_CALENDAR_ID): string {
  return `${WORKING_CALENDAR_STREAM_TYPE}-${calendarId}`;
}

export const workingCalendarDecider: Decider<WorkingCalendarState, WorkingCalendarCommand, WorkingCalendarEvent> = {
  decide: decideWorkingCalendar,
  evolve: evolveWorkingCalendar,
  initialState: initialWorkingCalendarState,
};
