import type { RecordSlaBreach, RecordSlaWarning } from './complaint.commands.js';
import { stamp, type ComplaintEvent } from './complaint.events.js';
import { complaintLifecycle } from './complaint.lifecycle.js';
import type { Complaint } from './complaint.state.js';
import type { SlaClock } from './complaint.values.js';

/**
 * A clock runs while the complaint is open and its goal is not met. The first-response clock
 * stops at the first response, or for good at the first resolution (its timers are disarmed
 * then). The resolution clock stops at each resolution and runs again when a reopening re-arms
 * it with fresh due instants.
 */
export function isClockRunning(state: Complaint, clock: SlaClock): boolean {
  if (!complaintLifecycle.isOpen(state.status)) return false;
  if (clock === 'first_response') return !state.sla.firstRespondedAt && !state.sla.resolvedAt;
  return !state.sla.resolutionStoppedAt;
}

function dueAt(state: Complaint, clock: SlaClock): string {
  return clock === 'first_response' ? state.sla.firstResponseDueAt : state.sla.resolutionDueAt;
}

function warnAt(state: Complaint, clock: SlaClock): string {
  return clock === 'first_response' ? state.sla.firstResponseWarnAt : state.sla.resolutionWarnAt;
}

/**
 * A timer armed for an earlier instant of the clock (the resolution clock before a reopening
 * re-armed it) may still fire after the re-arming; it is stale and does nothing.
 */
function isBefore(now: string, instant: string): boolean {
  return Date.parse(now) < Date.parse(instant);
}

function isBreached(state: Complaint, clock: SlaClock): boolean {
  return clock === 'first_response' ? state.sla.firstResponseBreached : state.sla.resolutionBreached;
}

/** Timer commands never fail on state: a late or repeated timer is a no-op. The stored due instant wins. */
export function decideRecordSlaWarning(command: RecordSlaWarning, state: Complaint): ComplaintEvent[] {
  const { clock } = command;
  if (!isClockRunning(state, clock) || state.sla.warnings.includes(clock) || isBreached(state, clock)) return [];
  if (isBefore(command.now, warnAt(state, clock))) return [];
  return [{ type: 'SlaWarningReached', data: { clock, dueAt: dueAt(state, clock), ...stamp(command) } }];
}

export function decideRecordSlaBreach(command: RecordSlaBreach, state: Complaint): ComplaintEvent[] {
  const { clock } = command;
  if (!isClockRunning(state, clock) || isBreached(state, clock)) return [];
  if (isBefore(command.now, dueAt(state, clock))) return [];
  return [{ type: 'SlaBreached', data: { clock, dueAt: dueAt(state, clock), ...stamp(command) } }];
}
