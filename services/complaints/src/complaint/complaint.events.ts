import type { Event } from '@cs/eventstore';
import type {
  AssignmentVia,
  CallbackState,
  PromiseTerms,
  CallbackOutcome,
  Compensation,
  ComplaintIntake,
  CompensationKind,
  ComplaintCategory,
  ComplaintSeverity,
  EscalationLevel,
  EscalationTarget,
  FulfilmentSource,
  InvalidationReason,
  SlaClock,
} from './complaint.values.js';

/** `at` is the command's `now`; `by` the acting user's id. */
interface Stamp {
  at: string;
  by: string;
}

export function stamp(command: { now: string; actor: { id: string } }): Stamp {
  return { at: command.now, by: command.actor.id };
}

export type ComplaintFiled = Event<
  'ComplaintFiled',
  Stamp &
    ComplaintIntake & {
    complaintId: string;
    severity: ComplaintSeverity;
    escalationLevel: EscalationLevel;
    receivedAt: string;
    slaPolicyId: string;
    slaPolicyVersion: number;
    firstResponseDueAt: string;
    firstResponseWarnAt: string;
    resolutionDueAt: string;
    resolutionWarnAt: string;
    /** Present when an HQ role chose another policy than the derived one. */
    slaPolicyOverride?: { derivedPolicyId: string };
  }
>;

export type ComplaintRepeatDetected = Event<
  'ComplaintRepeatDetected',
  Stamp & { repeatOfComplaintId: string; severityRaisedTo: ComplaintSeverity }
>;

export type ComplaintClassified = Event<
  'ComplaintClassified',
  Stamp & { category: ComplaintCategory; severity: ComplaintSeverity }
>;

export type ComplaintAssigned = Event<
  'ComplaintAssigned',
  Stamp & {
    assigneeId: string;
    assigneeName?: string;
    previousAssigneeId?: string;
    via?: AssignmentVia;
    note?: string;
    /** The routing rule that chose the owner, when routing did. */
    rule?: string;
  }
>;

export type FirstResponseSent = Event<'FirstResponseSent', Stamp & { message: string; withinSla: boolean }>;

export type ComplaintEscalated = Event<
  'ComplaintEscalated',
  Stamp & { fromLevel: EscalationLevel; toLevel: EscalationTarget; reason: string }
>;

export type SolutionProposed = Event<
  'SolutionProposed',
  Stamp & {
    solutionNo: number;
    description: string;
    compensation?: Compensation;
    expectedResolutionAt?: string;
    supersedesSolutionNo?: number;
    /** Numbered across the case: promise `no` is the first number plus the index. */
    promises?: Array<PromiseTerms & { no: number }>;
  }
>;

export type SolutionAccepted = Event<'SolutionAccepted', Stamp & { solutionNo: number; note?: string }>;

export type SolutionRejected = Event<'SolutionRejected', Stamp & { solutionNo: number; reason: string }>;

export type ComplaintCompensationGranted = Event<
  'ComplaintCompensationGranted',
  Stamp & {
    complaintId: string;
    solutionNo: number;
    kind: CompensationKind;
    amount?: number;
    giftSku?: string;
    quantity?: number;
    note?: string;
    memberId?: string;
    storeId: string;
  }
>;

export type ComplaintResolved = Event<
  'ComplaintResolved',
  Stamp & { outcome: string; resolvedAt: string; withinSla: boolean }
>;

export type ComplaintClosed = Event<
  'ComplaintClosed',
  Stamp & {
    closedAt: string;
    note?: string;
    satisfaction?: number;
    callbackOutcome?: CallbackOutcome;
    callbackState?: CallbackState;
  }
>;

export type InvestigationStarted = Event<'InvestigationStarted', Stamp & { note?: string }>;

export type ComplaintReopened = Event<
  'ComplaintReopened',
  Stamp & {
    reason: string;
    reopenCount: number;
    resolutionDueAt?: string;
    resolutionWarnAt?: string;
    /** Set when an unsatisfied call-back reopened it. */
    callbackId?: string;
  }
>;

export type ComplaintInvalidated = Event<
  'ComplaintInvalidated',
  Stamp & {
    reason: InvalidationReason;
    explanation: string;
    duplicateOfComplaintId?: string;
    status: 'closed_invalid' | 'closed_not_ours';
    closedAt: string;
  }
>;

export type SlaWarningReached = Event<'SlaWarningReached', Stamp & { clock: SlaClock; dueAt: string }>;

export type SlaBreached = Event<'SlaBreached', Stamp & { clock: SlaClock; dueAt: string }>;

export type PromiseKept = Event<'PromiseKept', Stamp & { promiseNo: number; note?: string }>;

export type PromiseOverdue = Event<'PromiseOverdue', Stamp & { promiseNo: number; what: string; dueAt: string }>;

export type ComplaintMerged = Event<
  'ComplaintMerged',
  Stamp & { intoComplaintId: string; note: string; customerMessage: string }
>;

export type ComplaintUnmerged = Event<
  'ComplaintUnmerged',
  Stamp & {
    fromComplaintId: string;
    note: string;
    firstResponseDueAt?: string;
    firstResponseWarnAt?: string;
    resolutionDueAt?: string;
    resolutionWarnAt?: string;
  }
>;

export type MergedCaseRecorded = Event<
  'MergedCaseRecorded',
  Stamp & { mergedComplaintId: string; action: 'merged' | 'unmerged' }
>;

export type ComplaintSplit = Event<
  'ComplaintSplit',
  Stamp & { newComplaintId: string; description: string; note?: string }
>;

export type CompensationFulfilled = Event<
  'CompensationFulfilled',
  Stamp & { solutionNo: number; kind: CompensationKind; source: FulfilmentSource; ref: string; fulfilledAt: string }
>;

export type ComplaintEvent =
  | ComplaintFiled
  | ComplaintRepeatDetected
  | ComplaintClassified
  | ComplaintAssigned
  | FirstResponseSent
  | ComplaintEscalated
  | SolutionProposed
  | SolutionAccepted
  | SolutionRejected
  | ComplaintCompensationGranted
  | ComplaintResolved
  | ComplaintClosed
  | InvestigationStarted
  | ComplaintReopened
  | ComplaintInvalidated
  | SlaWarningReached
  | SlaBreached
  | PromiseKept
  | PromiseOverdue
  | ComplaintMerged
  | ComplaintUnmerged
  | MergedCaseRecorded
  | ComplaintSplit
  | CompensationFulfilled;

export type ComplaintEventType = ComplaintEvent['type'];
