import type { Actor } from '@cs/eventstore';
import type { SlaClocks } from '../sla/sla-policy.js';
import type {
  AuthorityLimits,
  CallbackState,
  PromiseTerms,
  CallbackOutcome,
  Compensation,
  ComplaintIntake,
  ComplaintCategory,
  ComplaintSeverity,
  EscalationTarget,
  FulfilmentSource,
  InvalidationReason,
  SlaClock,
} from './complaint.values.js';

export type ComplaintActor = Pick<Actor, 'id' | 'role' | 'name' | 'storeId'>;

/** Every command names its complaint and carries the instant and the actor. */
interface CommandBase {
  complaintId: string;
  now: string;
  actor: ComplaintActor;
}

export interface PriorComplaint {
  complaintId: string;
  severity: ComplaintSeverity;
}

export interface FileComplaint extends CommandBase, ComplaintIntake {
  type: 'FileComplaint';
  /** Computed by the caller with `computeSlaClocks` from the configured policy and calendar. */
  sla: SlaClocks;
  priorComplaint?: PriorComplaint;
  /** Who owns the case from the start (首问制, R27): the routing result, at least the filer. */
  owner?: CaseOwner;
  /** Set when an HQ role chose another policy than the one the store and channel give. */
  slaPolicyOverride?: { derivedPolicyId: string };
}

export interface CaseOwner {
  id: string;
  name?: string;
  /** Why this owner: the routing rule that applied. */
  rule?: string;
}

export interface ClassifyComplaint extends CommandBase {
  type: 'ClassifyComplaint';
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  priorComplaint?: PriorComplaint;
}

export interface AssignComplaint extends CommandBase {
  type: 'AssignComplaint';
  assigneeId: string;
  assigneeName?: string;
  /** Why the case changes hands (recorded with from and to). */
  note?: string;
}

export interface RecordFirstResponse extends CommandBase {
  type: 'RecordFirstResponse';
  message: string;
}

export interface EscalateComplaint extends CommandBase {
  type: 'EscalateComplaint';
  toLevel: EscalationTarget;
  reason: string;
  /** The person at the new level who takes the case: chosen by routing or named by the escalating person. */
  assignTo?: CaseOwner;
}

export interface ProposeSolution extends CommandBase {
  type: 'ProposeSolution';
  description: string;
  compensation?: Compensation;
  expectedResolutionAt?: string;
  /** What is promised to the customer with this solution, and by when (R35, R43). */
  promises?: PromiseTerms[];
  /** Configuration: what each level may grant. */
  authority?: AuthorityLimits;
}

export interface AcceptSolution extends CommandBase {
  type: 'AcceptSolution';
  solutionNo: number;
  /** How the customer agreed (e.g. "by phone, 14:05"). */
  note?: string;
  authority?: AuthorityLimits;
}

export interface RejectSolution extends CommandBase {
  type: 'RejectSolution';
  solutionNo: number;
  reason: string;
}

export interface ResolveComplaint extends CommandBase {
  type: 'ResolveComplaint';
  /** What the customer was told (R37). */
  outcome: string;
}

export interface CloseComplaint extends CommandBase {
  type: 'CloseComplaint';
  note?: string;
  /** 1..5 */
  satisfaction?: number;
  /** The complaint call-back's result (R23); an unsatisfied customer means reopen, not close. */
  callbackOutcome?: CallbackOutcome;
  /** The complaint call-back's status as the service read it (R23): closing waits until it is settled. */
  callbackState?: CallbackState;
}

/** The assignee starts investigating (调查核实, `[004]`), optionally noting what is checked. */
export interface StartInvestigation extends CommandBase {
  type: 'StartInvestigation';
  note?: string;
}

export interface ReopenComplaint extends CommandBase {
  type: 'ReopenComplaint';
  reason: string;
  /** A fresh resolution clock, computed by the caller from the complaint's SLA policy at reopening. */
  resolution?: { dueAt: string; warnAt: string };
}

export interface InvalidateComplaint extends CommandBase {
  type: 'InvalidateComplaint';
  reason: InvalidationReason;
  /** What the customer is told. */
  explanation: string;
  duplicateOfComplaintId?: string;
}

/** Issued by the durable timer. */
export interface RecordSlaWarning extends CommandBase {
  type: 'RecordSlaWarning';
  clock: SlaClock;
  dueAt: string;
}

/** Issued by the durable timer. */
export interface RecordSlaBreach extends CommandBase {
  type: 'RecordSlaBreach';
  clock: SlaClock;
  dueAt: string;
}

/** The owner (or a manager) records that a promise made with the accepted solution was kept. */
export interface KeepPromise extends CommandBase {
  type: 'KeepPromise';
  promiseNo: number;
  note?: string;
}

/** Issued by the durable timer at the promise's due instant. */
export interface RecordPromiseOverdue extends CommandBase {
  type: 'RecordPromiseOverdue';
  promiseNo: number;
}

/** Issued when the complaint's call-back found the customer unsatisfied. */
export interface ReopenAfterCallback extends CommandBase {
  type: 'ReopenAfterCallback';
  callbackId: string;
  reason: string;
  resolution?: { dueAt: string; warnAt: string };
}

/** This case duplicates another: it is merged into it, its clocks stop and its customer is told. */
export interface MergeComplaint extends CommandBase {
  type: 'MergeComplaint';
  intoComplaintId: string;
  note: string;
  customerMessage: string;
}

/** The opposite of a merge: the case runs again on its own, with fresh clocks when given. */
export interface UnmergeComplaint extends CommandBase {
  type: 'UnmergeComplaint';
  note: string;
  sla?: { firstResponseDueAt: string; firstResponseWarnAt: string; resolutionDueAt: string; resolutionWarnAt: string };
}

/** The case a duplicate was merged into (or taken out of) records it. */
export interface RecordMergedCase extends CommandBase {
  type: 'RecordMergedCase';
  mergedComplaintId: string;
  action: 'merged' | 'unmerged';
}

/** A part of this case goes on as a new case (filed with `splitFromComplaintId`); merging it back undoes it. */
export interface SplitComplaint extends CommandBase {
  type: 'SplitComplaint';
  newComplaintId: string;
  description: string;
  note?: string;
}

/** Another service handed the granted compensation over (a gift issued, a voucher issued, a refund or repair completed). */
export interface RecordCompensationFulfilled extends CommandBase {
  type: 'RecordCompensationFulfilled';
  source: FulfilmentSource;
  /** The other service's record (issuance, entitlement or after-sales request id). */
  ref: string;
  fulfilledAt: string;
  /** Where it was handed over, when the reporting service knows a store: it must be the complaint's. */
  storeId?: string;
}

export type ComplaintCommand =
  | FileComplaint
  | ClassifyComplaint
  | AssignComplaint
  | RecordFirstResponse
  | EscalateComplaint
  | ProposeSolution
  | AcceptSolution
  | RejectSolution
  | ResolveComplaint
  | CloseComplaint
  | StartInvestigation
  | ReopenComplaint
  | InvalidateComplaint
  | RecordSlaWarning
  | RecordSlaBreach
  | KeepPromise
  | RecordPromiseOverdue
  | ReopenAfterCallback
  | MergeComplaint
  | UnmergeComplaint
  | RecordMergedCase
  | SplitComplaint
  | RecordCompensationFulfilled;

export type ComplaintCommandType = ComplaintCommand['type'];
