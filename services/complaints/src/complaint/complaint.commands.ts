import type { Actor } from '@cs/eventstore';
import type { SlaClocks } from '../sla/sla-policy.js';
import type {
  CallbackOutcome,
  Compensation,
  ComplaintIntake,
  ComplaintCategory,
  ComplaintSeverity,
  EscalationTarget,
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
}

export interface RecordFirstResponse extends CommandBase {
  type: 'RecordFirstResponse';
  message: string;
}

export interface EscalateComplaint extends CommandBase {
  type: 'EscalateComplaint';
  toLevel: EscalationTarget;
  reason: string;
}

export interface ProposeSolution extends CommandBase {
  type: 'ProposeSolution';
  description: string;
  compensation?: Compensation;
  expectedResolutionAt?: string;
}

export interface AcceptSolution extends CommandBase {
  type: 'AcceptSolution';
  solutionNo: number;
  /** How the customer agreed (e.g. "by phone, 14:05"). */
  note?: string;
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
  | RecordSlaBreach;

export type ComplaintCommandType = ComplaintCommand['type'];
