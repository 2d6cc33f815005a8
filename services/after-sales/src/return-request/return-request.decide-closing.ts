import { compact } from '@cs/eventstore';
import { stamp } from '../common/after-sales.guards.js';
import type { CancelReturn, CloseReturn, CompleteReturn } from './return-request.commands.js';
import { invalidSatisfaction, nothingRefunded } from './return-request.errors.js';
import type { ReturnRequestEvent } from './return-request.events.js';
import type { ReturnRequest } from './return-request.state.js';

/** Completion schedules the after-sales call-back (售后回访); a partial refund may be agreed as final. */
export function decideComplete(command: CompleteReturn, state: ReturnRequest): ReturnRequestEvent[] {
  if (state.status === 'refund_pending' && state.refundedTotal === 0) throw nothingRefunded();
  return [
    { type: 'ReturnCompleted', data: compact({ completedAt: command.now, refundedTotal: state.refundedTotal, note: command.note, ...stamp(command) }) },
    { type: 'ReturnCallbackScheduled', data: { dueAt: command.callbackDueAt, ...stamp(command) } },
  ];
}

export function decideClose(command: CloseReturn, _state: ReturnRequest): ReturnRequestEvent[] {
  const s = command.satisfaction;
  if (s !== undefined && (!Number.isInteger(s) || s < 1 || s > 5)) throw invalidSatisfaction(s);
  return [{ type: 'ReturnClosed', data: compact({ note: command.note, satisfaction: s, ...stamp(command) }) }];
}

/** The customer changed its mind before the goods came back. */
export function decideCancel(command: CancelReturn, _state: ReturnRequest): ReturnRequestEvent[] {
  return [{ type: 'ReturnCancelled', data: compact({ reason: command.reason, ...stamp(command) }) }];
}
