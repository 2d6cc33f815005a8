import { stamp } from '../common/after-sales.guards.js';
import type { RecordRepairBreach } from './repair.commands.js';
import type { RepairEvent } from './repair.events.js';
import type { Repair } from './repair.state.js';

/**
 * The durable timer fires at the clock's instant, perhaps late or twice: a breach is recorded once,
 * for the clock still armed at that instant, and only if the work was not done by then.
 */
export function decideBreach(command: RecordRepairBreach, state: Repair): RepairEvent[] {
  const clock = state.clock;
  if (!clock || clock.kind !== command.clock || clock.dueAt !== command.dueAt || clock.breached) return [];
  if (Date.parse(command.now) < Date.parse(clock.dueAt)) return [];
  if (clock.stoppedAt && Date.parse(clock.stoppedAt) <= Date.parse(clock.dueAt)) return [];
  return [{ type: 'RepairDeadlineBreached', data: { clock: clock.kind, dueAt: clock.dueAt, ...stamp(command) } }];
}
