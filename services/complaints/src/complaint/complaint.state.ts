import type {
  CallbackOutcome,
  Compensation,
  ComplaintIntake,
  ComplaintSeverity,
  ComplaintStatus,
  EscalationLevel,
  InvalidationReason,
  SlaClock,
} from './complaint.values.js';

export interface Solution {
  no: number;
  description: string;
  compensation?: Compensation;
  expectedResolutionAt?: string;
  status: 'pending' | 'accepted' | 'rejected' | 'superseded';
  rejectionReason?: string;
  proposedAt: string;
  proposedBy: string;
}

export interface ComplaintSla {
  policyId: string;
  policyVersion: number;
  firstResponseDueAt: string;
  firstResponseWarnAt: string;
  resolutionDueAt: string;
  resolutionWarnAt: string;
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
  updatedAt: string;
}

/** `null` until the complaint is filed. */
export type ComplaintState = Complaint | null;

export const initialComplaintState = (): ComplaintState => null;

export const TERMINAL_STATUSES: readonly ComplaintStatus[] = ['closed', 'closed_invalid', 'closed_not_ours'];

/** Statuses in which the complaint is still being worked on (not resolved, closed or invalidated). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'classified',
  'assigned',
  'investigating',
  'solution_proposed',
  'negotiating',
  'solution_accepted',
  'reopened',
];

export function pendingSolution(state: Complaint): Solution | undefined {
  return state.solutions.find((s) => s.status === 'pending');
}
