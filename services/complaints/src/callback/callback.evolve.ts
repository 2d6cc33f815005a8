import type { CallbackEvent } from './callback.events.js';
import { callbackLifecycle } from './callback.lifecycle.js';
import type { Callback, CallbackState } from './callback.state.js';

export function evolveCallback(state: CallbackState, event: CallbackEvent): CallbackState {
  if (event.type === 'CallbackScheduled') {
    const d = event.data;
    return {
      callbackId: d.callbackId,
      kind: d.kind,
      sourceRef: d.sourceRef,
      storeId: d.storeId,
      regionId: d.regionId,
      memberId: d.memberId,
      customer: d.customer,
      assigneeId: d.assigneeId,
      status: callbackLifecycle.statusAfter(event, undefined),
      dueAt: d.dueAt,
      maxAttempts: d.maxAttempts,
      sampled: d.sampled ?? false,
      overdue: false,
      attempts: [],
      scheduledAt: d.at,
      scheduledBy: d.by,
      updatedAt: d.at,
    };
  }
  if (!state) return state;
  const s: Callback = { ...state, status: callbackLifecycle.statusAfter(event, state.status), updatedAt: event.data.at };
  switch (event.type) {
    case 'CallbackAttemptRecorded': {
      const { attemptNo, outcome, channel, note, at, by } = event.data;
      return { ...s, attempts: [...s.attempts, { attemptNo, outcome, channel, note, at, by }] };
    }
    case 'CallbackCompleted': {
      const { satisfaction, satisfied, answers, note, late, at } = event.data;
      return { ...s, result: { satisfaction, satisfied, answers, note, late }, finishedAt: at };
    }
    case 'CallbackUnreachable':
    case 'CallbackDeclined':
      return { ...s, finishedAt: event.data.at };
    case 'CallbackCancelled':
      return { ...s, cancellationReason: event.data.reason, finishedAt: event.data.at };
    case 'CallbackReassigned':
      return { ...s, assigneeId: event.data.assigneeId };
    case 'CallbackOverdue':
      return { ...s, overdue: true };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
