import { Injectable } from '@nestjs/common';
import { handleCommand, type Actor, type Timer } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import { streams } from '../app/streams.js';
import { entitlementStreamId } from '../entitlement/entitlement.decider.js';
import { giftRequestStreamId } from '../gift-request/gift-request.decider.js';
import { GIFT_TIMER_KIND } from '../projections/gift-timers/gift-timers.processor.js';

const TIMER: Actor = { id: 'system:gift-timer', role: 'system', name: 'Gift timers' };
const idFrom = (streamId: string, prefixOf: (id: string) => string) => streamId.slice(prefixOf('').length);

/**
 * Turns a fired timer into a command stamped at the timer's due instant. The timer id is the
 * command id: a refire after a crash is answered from the command log without a second event.
 */
@Injectable()
export class GiftTimerHandler {
  constructor(private readonly host: ServiceHost) {}

  async fire(timer: Timer): Promise<void> {
    const now = timer.dueAt.toISOString();
    const options = { commandId: `timer:${timer.timerId}`, metadata: { actor: TIMER, occurredAt: now, causationId: timer.timerId } };
    if (timer.kind === GIFT_TIMER_KIND.arrivalOverdue) {
      const requestId = idFrom(timer.streamId, giftRequestStreamId);
      await handleCommand(this.host.store, streams.request(requestId), { type: 'MarkArrivalOverdue', requestId, now, actor: TIMER }, options);
    } else if (timer.kind === GIFT_TIMER_KIND.entitlementExpiry) {
      const code = idFrom(timer.streamId, entitlementStreamId);
      await handleCommand(this.host.store, streams.entitlement(code), { type: 'ExpireEntitlement', code, now, actor: TIMER }, options);
    }
    this.host.poke();
  }
}
