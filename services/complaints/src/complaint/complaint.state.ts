import type { SlaClocks } from '../sla/sla-policy.js';
import type { ComplaintActor } from './complaint.commands.js';
import { notAssigned, notAssignee } from './complaint.errors.js';
import { complaintLifecycle } from './complaint.lifecycle.js';
import {
  COMPLAINT_MANAGER_ROLES,
  HQ_LEVELS,
  STORE_ROLES,
  type CallbackState,
  type CallbackOutcome,
  type Compensation,
  type ComplaintIntake,
  type ComplaintSeverity,
  type ComplaintStatus,
  type EscalationLevel,
  type FulfilmentSource,
  type InvalidationReason,
  type SlaClock,
} from './complaint.values.js';

export interface Solution {
  no: number;
  description: string;
  compensation?: Compensation;
  expectedResolutionAt?: string;
  status: 'pending' | 'accepted' | 'rejected' | 'superseded';
  /** Hand-overs of the granted compensation by the service that fulfils it, one per record of theirs. */
  fulfilments?: Array<{ source: FulfilmentSource; ref: string; fulfilledAt: string }>;
  rejectionReason?: string;
  proposedAt: string;
  proposedBy: string;
}

/** The clocks the complaint was filed under (re-armed by a reopening), and how they went. */
export interface ComplaintSla extends SlaClocks {
  firstRespondedAt?: string;
  firstResponseWithinSla?: boolean;
  /** First resolution only (for reporting); the clock itself is governed by resolutionStoppedAt. */
  resolvedAt?: string;
  /** When the resolution clock last stopped (resolved); cleared when a reopening re-arms it. */
  resolutionStoppedAt?: string;
  resolutionWithinSla?: boolean;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  /** Clocks whose warning was recorded. */
  warnings: SlaClock[];
}

/** A promise made with a solution; it binds once the solution is accepted. */
export interface CasePromise {
  no: number;
  solutionNo: number;
  what: string;
  dueAt: string;
  keptAt?: string;
  overdue: boolean;
}

export interface Complaint extends ComplaintIntake {
  complaintId: string;
  severity: ComplaintSeverity;
  status: ComplaintStatus;
  assigneeId?: string;
  assigneeName?: string;
  escalationLevel: EscalationLevel;
  solutions: Solution[];
  sla: ComplaintSla;
  firstResponseMessage?: string;
  repeatOfComplaintId?: string;
  reopenCount: number;
  receivedAt: string;
  receivedBy: string;
  resolvedAt?: string;
  outcome?: string;
  closedAt?: string;
  satisfaction?: number;
  closingNote?: string;
  callbackOutcome?: CallbackOutcome;
  investigation?: { startedAt: string; startedBy: string; note?: string };
  invalidation?: { reason: InvalidationReason; explanation: string; duplicateOfComplaintId?: string };
  promises: CasePromise[];
  /** Set while this case is merged into another: it stays as it was, its clocks stopped. */
  mergedInto?: string;
  /** Duplicates merged into this case. */
  mergedCases: string[];
  /** Cases split out of this one. */
  splitOff: string[];
  slaPolicyOverride?: { derivedPolicyId: string };
  callbackState?: CallbackState;
  updatedAt: string;
}

/** `null` until the complaint is filed. */
export type ComplaintState = Complaint | null;

export const initialComplaintState = (): ComplaintState => null;

/** Closed, closed as invalid or as not ours. */
export const TERMINAL_STATUSES: readonly ComplaintStatus[] = complaintLifecycle.terminal;

/** Statuses in which the complaint is still being worked on (not resolved, closed or invalidated). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = complaintLifecycle.open;

export function pendingSolution(state: Complaint): Solution | undefined {
  return state.solutions.find((s) => s.status === 'pending');
}

export function requireAssignee(state: Complaint): string {
  if (!state.assigneeId) throw notAssigned();
  return state.assigneeId;
}

/** A store manager manages store-level cases only: once escalated to HQ, HQ works it (R20–R22, R45). */
export function isManagerFor(state: Complaint, actor: ComplaintActor): boolean {
  // The platform itself (breach rules, call-back outcomes) acts with a manager's reach.
  if (actor.role === 'system') return true;
  if (!COMPLAINT_MANAGER_ROLES.includes(actor.role)) return false;
  return !(HQ_LEVELS.includes(state.escalationLevel) && STORE_ROLES.includes(actor.role));
}

export function requireAssigneeOrManager(state: Complaint, actor: ComplaintActor): void {
  const assigneeId = requireAssignee(state);
  if (actor.id !== assigneeId && !isManagerFor(state, actor)) throw notAssignee(actor.id);
}

/** Promises of the accepted solution(s) not yet kept. */
export function openPromises(state: Complaint): CasePromise[] {
  const accepted = new Set(state.solutions.filter((s) => s.status === 'accepted').map((s) => s.no));
  return state.promises.filter((p) => accepted.has(p.solutionNo) && !p.keptAt);
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
