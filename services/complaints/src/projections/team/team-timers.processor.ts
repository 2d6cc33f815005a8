import { cancelTimers, scheduleTimers, type Processor, type RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { CALLBACK_STREAM_TYPE } from '../../callback/callback.decider.js';
import type { CallbackEvent } from '../../callback/callback.events.js';
import type { ComplaintEvent } from '../../complaint/complaint.events.js';
import { STAFF_COMPLAINT_STREAM_TYPE } from '../../staff-complaint/staff-complaint.decider.js';
import type { StaffComplaintEvent } from '../../staff-complaint/staff-complaint.events.js';

export const TEAM_TIMER_KIND = {
  promiseOverdue: 'promise.overdue',
  secondCallDue: 'staff.second_call.due',
  callbackDue: 'callback.due',
} as const;

/**
 * The durable timers of the team features, kept in step with the log: each promise made with a
 * solution is armed at its due instant (the decider ignores it unless the solution was accepted
 * and the promise is still open), the second call of a staff complaint at 17:00 on the next
 * working day, each call-back at its due instant. Keeping or finishing disarms them.
 */
export const teamTimersProcessor: Processor<OrmTx> = {
  id: 'processor:team-timers:v1',
  handles: [
    'SolutionProposed',
    'PromiseKept',
    'ComplaintClosed',
    'ComplaintInvalidated',
    'StaffComplaintFiled',
    'SecondCallRecorded',
    'CallbackScheduled',
    'CallbackCompleted',
    'CallbackUnreachable',
    'CallbackDeclined',
    'CallbackCancelled',
  ],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      const { streamId } = recorded;
      if (recorded.streamType === STAFF_COMPLAINT_STREAM_TYPE) {
        const event = { type: recorded.type, data: recorded.data } as StaffComplaintEvent;
        if (event.type === 'StaffComplaintFiled') {
          await scheduleTimers(tx, [
            { timerId: `${streamId}:${TEAM_TIMER_KIND.secondCallDue}`, streamId, kind: TEAM_TIMER_KIND.secondCallDue, dueAt: new Date(event.data.secondCallDueAt), payload: {} },
          ]);
        } else if (event.type === 'SecondCallRecorded') {
          await cancelTimers(tx, streamId, TEAM_TIMER_KIND.secondCallDue);
        }
        continue;
      }
      if (recorded.streamType === CALLBACK_STREAM_TYPE) {
        const event = { type: recorded.type, data: recorded.data } as CallbackEvent;
        if (event.type === 'CallbackScheduled') {
          await scheduleTimers(tx, [{ timerId: `${streamId}:${TEAM_TIMER_KIND.callbackDue}`, streamId, kind: TEAM_TIMER_KIND.callbackDue, dueAt: new Date(event.data.dueAt), payload: {} }]);
        } else {
          await cancelTimers(tx, streamId, TEAM_TIMER_KIND.callbackDue);
        }
        continue;
      }
      if (recorded.streamType !== 'complaint') continue;
      const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
      switch (event.type) {
        case 'SolutionProposed':
          await scheduleTimers(
            tx,
            (event.data.promises ?? []).map((p) => ({
              timerId: `${streamId}:${TEAM_TIMER_KIND.promiseOverdue}:${p.no}`,
              streamId,
              kind: `${TEAM_TIMER_KIND.promiseOverdue}.${p.no}.due`,
              dueAt: new Date(p.dueAt),
              payload: { promiseNo: p.no },
            })),
          );
          break;
        case 'PromiseKept':
          await cancelTimers(tx, streamId, `${TEAM_TIMER_KIND.promiseOverdue}.${event.data.promiseNo}.`);
          break;
        case 'ComplaintClosed':
        case 'ComplaintInvalidated':
          await cancelTimers(tx, streamId, TEAM_TIMER_KIND.promiseOverdue);
          break;
        default:
          break;
      }
    }
  },
};
