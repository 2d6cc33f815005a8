import type { WorkingCalendarCommand } from './working-calendar.commands.js';
import { decideDefineWorkingCalendar } from './working-calendar.decide-definition.js';
import type { WorkingCalendarEvent } from './working-calendar.events.js';
import { workingCalendarLifecycle } from './working-calendar.lifecycle.js';
import type { WorkingCalendarState } from './working-calendar.state.js';

export function decideWorkingCalendar(command: WorkingCalendarCommand, state: WorkingCalendarState): WorkingCalendarEvent[] {
  workingCalendarLifecycle.require(command.type, state?.status);
  switch (command.type) {
    case 'DefineWorkingCalendar':
      return decideDefineWorkingCalendar(command, state);
    default: {
      // a single-member union does not narrow as a whole: check its discriminant
      const _exhaustive: never = command.type;
      throw new Error(`Unhandled command ${String(_exhaustive)}`);
    }
  }
}
