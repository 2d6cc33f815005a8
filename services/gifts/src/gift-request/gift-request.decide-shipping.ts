import { compact } from '@cs/eventstore';
import { stamp } from '../shared/gifts-actor.js';
import type { DispatchGiftRequest, DispatchNewStoreKit, MarkArrivalOverdue } from './gift-request.commands.js';
import { giftRequestArrivalBeforeDispatch } from './gift-request.errors.js';
import type { GiftRequestEvent } from './gift-request.events.js';
import { requireLines } from './gift-request.guards.js';
import { approvedLines, type GiftRequest } from './gift-request.state.js';
import { overdueAfter } from './gift-request.values.js';

function shipment(command: DispatchGiftRequest | DispatchNewStoreKit) {
  if (Date.parse(command.expectedArrival) < Date.parse(command.now)) throw giftRequestArrivalBeforeDispatch(command.expectedArrival);
  return {
    expectedArrival: command.expectedArrival,
    overdueAt: overdueAfter(command.expectedArrival, command.arrivalGraceMinutes),
    waybillNo: command.waybillNo,
  };
}

/** The warehouse ships what was approved and registers it (及时登记, R111). */
export function decideDispatchGiftRequest(command: DispatchGiftRequest, request: GiftRequest): GiftRequestEvent[] {
  return [{ type: 'GiftRequestDispatched', data: compact({ lines: approvedLines(request), ...shipment(command), ...stamp(command) }) }];
}

export function decideDispatchNewStoreKit(command: DispatchNewStoreKit): GiftRequestEvent[] {
  requireLines(command.lines);
  return [
    {
      type: 'NewStoreKitDispatched',
      data: compact({
        requestId: command.requestId,
        storeId: command.storeId,
        lines: command.lines.map(({ sku, quantity }) => ({ sku, quantity })),
        ...shipment(command),
        ...stamp(command),
      }),
    },
  ];
}

/** The timer may fire late or after receipt: only a shipment still out past its instant becomes overdue. */
export function decideMarkArrivalOverdue(command: MarkArrivalOverdue, request: GiftRequest): GiftRequestEvent[] {
  if (request.status !== 'dispatched' || !request.overdueAt || !request.expectedArrival) return [];
  if (Date.parse(command.now) < Date.parse(request.overdueAt)) return [];
  return [{ type: 'GiftArrivalOverdue', data: { expectedArrival: request.expectedArrival, overdueAt: request.overdueAt, ...stamp(command) } }];
}
