import { cancelTimers, scheduleTimer, type Processor, type RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { RepairEvent } from '../../repair/repair.events.js';

export const REPAIR_TIMER_KIND = { visit: 'repair.visit', turnaround: 'repair.turnaround' } as const;

/**
 * Keeps the durable repair schedule in step with the log: the on-site visit clock is armed at
 * scheduling and disarmed by the visit; the turnaround clock is armed at receipt and disarmed
 * once the item is ready, shipped back, or the repair ends otherwise. Rows survive restarts.
 */
export const repairTimersProcessor: Processor<OrmTx> = {
  id: 'processor:repair-timers:v1',
  handles: ['RepairVisitScheduled', 'RepairItemReceived', 'RepairDiagnosed', 'RepairReady', 'RepairReturnShipped', 'RepairCompleted', 'RepairCancelled', 'RepairQuoteDeclined'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as RepairEvent;
      const streamId = recorded.streamId;
      switch (event.type) {
        case 'RepairVisitScheduled':
        case 'RepairItemReceived': {
          const clock = event.type === 'RepairVisitScheduled' ? 'visit' : 'turnaround';
          const kind = REPAIR_TIMER_KIND[clock];
          const { dueAt } = event.data;
          await scheduleTimer(tx, { timerId: `${streamId}:${kind}`, streamId, kind, dueAt: new Date(dueAt), payload: { clock, dueAt } });
          break;
        }
        case 'RepairDiagnosed':
          if (event.data.visitedAt) await cancelTimers(tx, streamId, REPAIR_TIMER_KIND.visit);
          break;
        case 'RepairReady':
        case 'RepairReturnShipped':
        case 'RepairCompleted':
        case 'RepairCancelled':
        case 'RepairQuoteDeclined':
          await cancelTimers(tx, streamId, 'repair.');
          break;
        default:
          break;
      }
    }
  },
};
