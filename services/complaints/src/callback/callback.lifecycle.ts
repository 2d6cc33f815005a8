import { defineLifecycle } from '@cs/eventstore';
import type { CallbackCommand } from './callback.commands.js';
import type { CallbackEvent } from './callback.events.js';

export const CALLBACK_STATUSES = ['pending', 'in_progress', 'reached', 'completed', 'unreachable', 'declined', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

const WORKING: CallbackStatus[] = ['pending', 'in_progress', 'reached'];

/**
 * pending ─attempt─▶ in_progress (not reached) ─…─▶ unreachable (limit of unanswered attempts)
 *                 └▶ reached ─complete─▶ completed; refused ▶ declined; cancel from any working status.
 */
export const callbackLifecycle = defineLifecycle<CallbackStatus, CallbackCommand, CallbackEvent>({
  name: 'callback',
  statuses: CALLBACK_STATUSES,
  terminal: ['completed', 'unreachable', 'declined', 'cancelled'],
  commands: {
    ScheduleCallback: 'create',
    RecordCallbackAttempt: ['pending', 'in_progress'],
    CompleteCallback: WORKING,
    ReassignCallback: WORKING,
    CancelCallback: WORKING,
    MarkCallbackOverdue: CALLBACK_STATUSES,
  },
  events: {
    CallbackScheduled: 'pending',
    CallbackAttemptRecorded: (_before, e) => (e.data.outcome === 'reached' ? 'reached' : 'in_progress'),
    CallbackUnreachable: 'unreachable',
    CallbackDeclined: 'declined',
    CallbackCompleted: 'completed',
    CallbackReassigned: 'unchanged',
    CallbackCancelled: 'cancelled',
    CallbackOverdue: 'unchanged',
  },
});
