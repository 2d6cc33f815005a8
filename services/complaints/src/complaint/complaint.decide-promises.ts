import { compact } from '@cs/eventstore';
import type { KeepPromise, RecordPromiseOverdue } from './complaint.commands.js';
import { promiseNotFound } from './complaint.errors.js';
import { stamp, type ComplaintEvent } from './complaint.events.js';
import { openPromises, requireAssigneeOrManager, type Complaint } from './complaint.state.js';

/** Promises made with an accepted solution (R35, R43): kept by the owner, overdue by the timer. */
export function decideKeepPromise(command: KeepPromise, state: Complaint): ComplaintEvent[] {
  requireAssigneeOrManager(state, command.actor);
  const promise = openPromises(state).find((p) => p.no === command.promiseNo);
  if (!promise) throw promiseNotFound(command.promiseNo);
  return [{ type: 'PromiseKept', data: compact({ promiseNo: promise.no, note: command.note, ...stamp(command) }) }];
}

/** Like the SLA timers: a late, repeated or obsolete timer is a no-op, and the stored due instant wins. */
export function decideRecordPromiseOverdue(command: RecordPromiseOverdue, state: Complaint): ComplaintEvent[] {
  const promise = openPromises(state).find((p) => p.no === command.promiseNo);
  if (!promise || promise.overdue || Date.parse(command.now) < Date.parse(promise.dueAt)) return [];
  return [{ type: 'PromiseOverdue', data: { promiseNo: promise.no, what: promise.what, dueAt: promise.dueAt, ...stamp(command) } }];
}
