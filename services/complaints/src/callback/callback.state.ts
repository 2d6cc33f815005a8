import type { CallbackCustomer } from './callback.events.js';
import type { CallbackStatus } from './callback.lifecycle.js';
import type { AttemptOutcome, CallbackChannel, CallbackKind } from './callback.values.js';

export interface CallbackAttempt {
  attemptNo: number;
  outcome: AttemptOutcome;
  channel: CallbackChannel;
  note?: string;
  at: string;
  by: string;
}

export interface CallbackResult {
  satisfaction: number;
  satisfied: boolean;
  answers: Record<string, unknown>;
  note?: string;
  late: boolean;
}

export interface Callback {
  callbackId: string;
  kind: CallbackKind;
  sourceRef: string;
  storeId: string;
  regionId?: string;
  memberId?: string;
  customer?: CallbackCustomer;
  assigneeId?: string;
  status: CallbackStatus;
  dueAt: string;
  maxAttempts: number;
  sampled: boolean;
  overdue: boolean;
  attempts: CallbackAttempt[];
  result?: CallbackResult;
  cancellationReason?: string;
  scheduledAt: string;
  scheduledBy: string;
  finishedAt?: string;
  updatedAt: string;
}

export type CallbackState = Callback | null;

export const initialCallbackState = (): CallbackState => null;

export function unansweredAttempts(callback: Callback): number {
  return callback.attempts.filter((a) => a.outcome !== 'reached' && a.outcome !== 'refused').length;
}
