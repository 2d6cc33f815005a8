import { cancelTimers, scheduleTimers, type Processor, type RecordedEvent, type Timer } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { ComplaintEvent } from '../../complaint/complaint.events.js';

export const SLA_TIMER_KIND = {
  firstResponseWarning: 'sla.first_response.warning',
  firstResponseBreach: 'sla.first_response.breach',
  resolutionWarning: 'sla.resolution.warning',
  resolutionBreach: 'sla.resolution.breach',
} as const;

/**
 * Keeps the durable SLA schedule in step with the log: a filed complaint arms four timers at its
 * due instants; a first response disarms the first-response clock; resolution, closing or
 * invalidation disarm the clocks; a reopening with a fresh resolution clock re-arms that one.
 * Timers survive restarts because they are rows.
 */
export const slaTimersProcessor: Processor<OrmTx> = {
  id: 'processor:sla-timers:v1',
  // timer rows only, through the transaction
  sharesTransaction: true,
  handles: ['ComplaintFiled', 'ComplaintReopened', 'FirstResponseSent', 'ComplaintResolved', 'ComplaintClosed', 'ComplaintInvalidated'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    // Timers to arm are gathered and written in one statement, flushed before any cancel so a
    // cancel in the same batch still finds what it disarms.
    const toArm: Timer[] = [];
    const arm = (timers: Timer[]) => void toArm.push(...timers);
    const disarm = async (streamId: string, kindPrefix: string) => {
      await flush();
      await cancelTimers(tx, streamId, kindPrefix);
    };
    const flush = async () => {
      if (toArm.length) await scheduleTimers(tx, toArm.splice(0));
    };
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
      const streamId = recorded.streamId;
      switch (event.type) {
        case 'ComplaintFiled': {
          const d = event.data;
          const timers = [
            [SLA_TIMER_KIND.firstResponseWarning, d.firstResponseWarnAt, 'first_response', d.firstResponseDueAt],
            [SLA_TIMER_KIND.firstResponseBreach, d.firstResponseDueAt, 'first_response', d.firstResponseDueAt],
            [SLA_TIMER_KIND.resolutionWarning, d.resolutionWarnAt, 'resolution', d.resolutionDueAt],
            [SLA_TIMER_KIND.resolutionBreach, d.resolutionDueAt, 'resolution', d.resolutionDueAt],
          ] as const;
          arm(
            timers.map(([kind, at, clock, dueAt]) => ({ timerId: `${streamId}:${kind}`, streamId, kind, dueAt: new Date(at), payload: { clock, dueAt } })),
          );
          break;
        }
        case 'ComplaintReopened': {
          const d = event.data;
          if (!d.resolutionDueAt || !d.resolutionWarnAt) break;
          const rearmed = [
            [SLA_TIMER_KIND.resolutionWarning, d.resolutionWarnAt],
            [SLA_TIMER_KIND.resolutionBreach, d.resolutionDueAt],
          ] as const;
          arm(
            rearmed.map(([kind, at]) => ({
              timerId: `${streamId}:${kind}:reopen-${d.reopenCount}`,
              streamId,
              kind,
              dueAt: new Date(at),
              payload: { clock: 'resolution', dueAt: d.resolutionDueAt },
            })),
          );
          break;
        }
        case 'FirstResponseSent':
          await disarm(streamId, 'sla.first_response');
          break;
        case 'ComplaintResolved':
        case 'ComplaintClosed':
        case 'ComplaintInvalidated':
          await disarm(streamId, 'sla.');
          break;
        default:
          break;
      }
    }
    await flush();
  },
};
