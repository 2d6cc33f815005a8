import type { Actor } from '@cs/eventstore';
import type { CallbackCustomer } from './callback.events.js';
import type { AttemptOutcome, CallbackChannel, CallbackKind } from './callback.values.js';

export type CallbackActor = Pick<Actor, 'id' | 'role' | 'name' | 'storeId'>;

interface CommandBase {
  callbackId: string;
  now: string;
  actor: CallbackActor;
}

export interface ScheduleCallback extends CommandBase {
  type: 'ScheduleCallback';
  kind: CallbackKind;
  sourceRef: string;
  storeId: string;
  regionId?: string;
  memberId?: string;
  customer?: CallbackCustomer;
  assigneeId?: string;
  /** Computed by the service from the configured delay for the kind. */
  dueAt: string;
  /** Configured limit of unanswered attempts. */
  maxAttempts: number;
  sampled?: boolean;
  note?: string;
}

export interface RecordCallbackAttempt extends CommandBase {
  type: 'RecordCallbackAttempt';
  outcome: AttemptOutcome;
  channel?: CallbackChannel;
  note?: string;
}

export interface CompleteCallback extends CommandBase {
  type: 'CompleteCallback';
  satisfaction: number;
  satisfied: boolean;
  answers?: Record<string, unknown>;
  note?: string;
}

export interface ReassignCallback extends CommandBase {
  type: 'ReassignCallback';
  assigneeId: string;
}

export interface CancelCallback extends CommandBase {
  type: 'CancelCallback';
  reason: string;
}

/** Fired by the durable timer at the due instant. */
export interface MarkCallbackOverdue extends CommandBase {
  type: 'MarkCallbackOverdue';
}

export type CallbackCommand =
  | ScheduleCallback
  | RecordCallbackAttempt
  | CompleteCallback
  | ReassignCallback
  | CancelCallback
  | MarkCallbackOverdue;
