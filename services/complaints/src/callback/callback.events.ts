import type { Event } from '@cs/eventstore';
import type { AttemptOutcome, CallbackChannel, CallbackKind } from './callback.values.js';

export interface CallbackCustomer {
  name: string;
  mobile: string;
}

export type CallbackScheduled = Event<
  'CallbackScheduled',
  {
    callbackId: string;
    kind: CallbackKind;
    /** The complaint, after-sales request or member the call-back is about. */
    sourceRef: string;
    storeId: string;
    regionId?: string;
    memberId?: string;
    customer?: CallbackCustomer;
    assigneeId?: string;
    dueAt: string;
    maxAttempts: number;
    /** Drawn by a sampling run (R118) rather than owed by a workflow. */
    sampled?: boolean;
    note?: string;
    at: string;
    by: string;
  }
>;

export type CallbackAttemptRecorded = Event<
  'CallbackAttemptRecorded',
  { attemptNo: number; outcome: AttemptOutcome; channel: CallbackChannel; note?: string; at: string; by: string }
>;

export type CallbackUnreachable = Event<'CallbackUnreachable', { unansweredAttempts: number; at: string; by: string }>;

export type CallbackDeclined = Event<'CallbackDeclined', { note?: string; at: string; by: string }>;

export type CallbackCompleted = Event<
  'CallbackCompleted',
  {
    satisfaction: number;
    satisfied: boolean;
    answers: Record<string, unknown>;
    note?: string;
    /** Completed after its due instant. */
    late: boolean;
    at: string;
    by: string;
  }
>;

export type CallbackReassigned = Event<'CallbackReassigned', { assigneeId: string; previousAssigneeId?: string; at: string; by: string }>;

export type CallbackCancelled = Event<'CallbackCancelled', { reason: string; at: string; by: string }>;

export type CallbackOverdue = Event<'CallbackOverdue', { dueAt: string; at: string; by: string }>;

export type CallbackEvent =
  | CallbackScheduled
  | CallbackAttemptRecorded
  | CallbackUnreachable
  | CallbackDeclined
  | CallbackCompleted
  | CallbackReassigned
  | CallbackCancelled
  | CallbackOverdue;
