import { cancelTimers, scheduleTimers, type Processor, type RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';

export const GIFT_TIMER_KIND = {
  arrivalOverdue: 'gift.arrival.overdue',
  entitlementExpiry: 'gift.entitlement.expiry',
} as const;

/**
 * Keeps the durable schedule in step with the log: a dispatch arms the arrival-overdue timer at
 * expected arrival + grace, the receipt disarms it; an entitlement arms its expiry at the end of
 * its validity, redemption or voiding disarms it. Timers are rows: they survive restarts.
 */
export const giftTimersProcessor: Processor<OrmTx> = {
  id: 'processor:gift-timers:v1',
  handles: ['GiftRequestDispatched', 'NewStoreKitDispatched', 'GiftRequestReceived', 'EntitlementIssued', 'EntitlementRedeemed', 'EntitlementVoided'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const e of events) {
      const data = e.data as { overdueAt?: string; validUntil?: string };
      switch (e.type) {
        case 'GiftRequestDispatched':
        case 'NewStoreKitDispatched':
          await scheduleTimers(tx, [
            { timerId: `${e.streamId}:${GIFT_TIMER_KIND.arrivalOverdue}`, streamId: e.streamId, kind: GIFT_TIMER_KIND.arrivalOverdue, dueAt: new Date(data.overdueAt!), payload: {} },
          ]);
          break;
        case 'GiftRequestReceived':
          await cancelTimers(tx, e.streamId, GIFT_TIMER_KIND.arrivalOverdue);
          break;
        case 'EntitlementIssued':
          await scheduleTimers(tx, [
            { timerId: `${e.streamId}:${GIFT_TIMER_KIND.entitlementExpiry}`, streamId: e.streamId, kind: GIFT_TIMER_KIND.entitlementExpiry, dueAt: new Date(data.validUntil!), payload: {} },
          ]);
          break;
        case 'EntitlementRedeemed':
        case 'EntitlementVoided':
          await cancelTimers(tx, e.streamId, GIFT_TIMER_KIND.entitlementExpiry);
          break;
        default:
          break;
      }
    }
  },
};
