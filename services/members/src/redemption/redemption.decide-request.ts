import { compact } from '@cs/eventstore';
import type { RecordHoldRefused, RecordPointsHeld, RequestRedemption } from './redemption.commands.js';
import { giftNotRedeemable, invalidQuantity } from './redemption.errors.js';
import type { RedemptionEvent } from './redemption.events.js';
import type { Redemption } from './redemption.state.js';
import { addMinutes, holdIdFor } from './redemption.values.js';

export const stamp = (command: { now: string; actor: { id: string } }) => ({ at: command.now, by: command.actor.id });

/** Costs the catalogue's points price × quantity; the wait for gifts is bounded by the configured time-out. */
export function decideRequest(command: RequestRedemption): RedemptionEvent[] {
  if (!Number.isSafeInteger(command.quantity) || command.quantity < 1) throw invalidQuantity();
  const price = command.pointsPrice;
  if (price === null || !Number.isSafeInteger(price) || price < 1) throw giftNotRedeemable(command.giftSku);
  const { revision, rules } = command.rules;
  return [
    {
      type: 'RedemptionRequested',
      data: {
        redemptionId: command.redemptionId,
        memberId: command.memberId,
        storeId: command.storeId,
        giftSku: command.giftSku,
        quantity: command.quantity,
        pointsPrice: price,
        points: price * command.quantity,
        holdId: holdIdFor(command.redemptionId),
        timeoutAt: addMinutes(command.now, rules.redemptionTimeoutMinutes),
        rulesRevision: revision,
        ...stamp(command),
      },
    },
  ];
}

export function decidePointsHeld(command: RecordPointsHeld, state: Redemption): RedemptionEvent[] {
  if (state.status === 'points_held') return [];
  return [{ type: 'RedemptionPointsHeld', data: { holdId: state.holdId, ...stamp(command) } }];
}

export function decideHoldRefused(command: RecordHoldRefused): RedemptionEvent[] {
  return [{ type: 'RedemptionRefused', data: compact({ reason: command.reason, available: command.available, ...stamp(command) }) }];
}
