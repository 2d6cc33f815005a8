import type { ComplaintActor } from './complaint.commands.js';
import { fieldRequired, invalidTransition, notAssigned, notAssignee } from './complaint.errors.js';
import type { Complaint } from './complaint.state.js';
import { COMPLAINT_MANAGER_ROLES, type ComplaintStatus } from './complaint.values.js';

/** Drops undefined keys so stored payloads carry only JSON values. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function stamp(command: { now: string; actor: ComplaintActor }): { at: string; by: string } {
  return { at: command.now, by: command.actor.id };
}

export function requireText(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw fieldRequired(field);
  return value;
}

export function requireInstant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) throw fieldRequired(`${field} (an ISO-8601 instant)`);
  return value;
}

/** `at` is on or before `due`; instants are compared as times, not strings, since offsets may differ. */
export function onOrBefore(at: string, due: string): boolean {
  return Date.parse(at) <= Date.parse(due);
}

export function requireStatus(state: Complaint, allowed: readonly ComplaintStatus[], action: string): void {
  if (!allowed.includes(state.status)) throw invalidTransition(action, state.status);
}

export function requireAssignee(state: Complaint): string {
  if (!state.assigneeId) throw notAssigned();
  return state.assigneeId;
}

export function requireAssigneeOrManager(state: Complaint, actor: ComplaintActor): void {
  const assigneeId = requireAssignee(state);
  if (actor.id !== assigneeId && !COMPLAINT_MANAGER_ROLES.includes(actor.role)) throw notAssignee(actor.id);
}

/**
 * Once a complaint has an owner, only the owner or a manager acts on it (R27/R30: one owner at a
 * time); before that, anyone in scope may. Scope itself is checked by the service.
 */
export function requireOwnerIfAssigned(state: Complaint, actor: ComplaintActor): void {
  if (state.assigneeId) requireAssigneeOrManager(state, actor);
}

/** A solution is accepted or rejected on the customer's word: by the customer, its owner or a manager. */
export function requireCustomerAssigneeOrManager(state: Complaint, actor: ComplaintActor): void {
  if (actor.role === 'customer') return;
  requireAssigneeOrManager(state, actor);
}
