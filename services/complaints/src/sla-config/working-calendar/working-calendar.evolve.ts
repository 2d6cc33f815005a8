import type { WorkingCalendarEvent } from './working-calendar.events.js';
import { workingCalendarLifecycle } from './working-calendar.lifecycle.js';
import type { WorkingCalendarState } from './working-calendar.state.js';

export function evolveWorkingCalendar(state: WorkingCalendarState, event: WorkingCalendarEvent): WorkingCalendarState {
  switch (event.type) {
    case 'WorkingCalendarDefined': {
      const { at, by, ...calendar } = event.data;
      return { status: workingCalendarLifecycle.statusAfter(event, state?.status), calendar, definedAt: at, definedBy: by };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
