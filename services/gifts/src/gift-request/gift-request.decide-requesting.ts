import { compact } from '@cs/eventstore';
import { stamp } from '../shared/gifts-actor.js';
import type { ApproveGiftRequest, CreateGiftRequest, RejectGiftRequest, SubmitGiftRequest } from './gift-request.commands.js';
import {
  giftRequestApprovalExceedsRequest,
  giftRequestApprovalExceedsStock,
  giftRequestLineUnknown,
  giftRequestNothingApproved,
  giftRequestTextRequired,
} from './gift-request.errors.js';
import type { GiftRequestEvent } from './gift-request.events.js';
import { requireLines } from './gift-request.guards.js';
import type { GiftRequest } from './gift-request.state.js';

export function decideCreateGiftRequest(command: CreateGiftRequest): GiftRequestEvent[] {
  requireLines(command.lines);
  return [
    {
      type: 'GiftRequestCreated',
      data: compact({
        requestId: command.requestId,
        storeId: command.storeId,
        purpose: command.purpose,
        lines: command.lines.map(({ sku, quantity }) => ({ sku, quantity })),
        requestedDeliveryDate: command.requestedDeliveryDate,
        note: command.note,
        ...stamp(command),
      }),
    },
  ];
}

export function decideSubmitGiftRequest(command: SubmitGiftRequest): GiftRequestEvent[] {
  return [{ type: 'GiftRequestSubmitted', data: compact({ note: command.note, ...stamp(command) }) }];
}

/** Never above what was requested nor above what the warehouse has free; SKUs left out are approved at 0. */
export function decideApproveGiftRequest(command: ApproveGiftRequest, request: GiftRequest): GiftRequestEvent[] {
  requireLines(command.lines, true);
  for (const line of command.lines) {
    const requested = request.lines.find((l) => l.sku === line.sku)?.requested;
    if (requested === undefined) throw giftRequestLineUnknown(line.sku);
    if (line.quantity > requested) throw giftRequestApprovalExceedsRequest(line.sku, requested, line.quantity);
    const available = command.hqAvailable[line.sku] ?? 0;
    if (line.quantity > available) throw giftRequestApprovalExceedsStock(line.sku, available, line.quantity);
  }
  if (command.lines.every((l) => l.quantity === 0)) throw giftRequestNothingApproved();
  const lines = request.lines.map((l) => ({ sku: l.sku, quantity: command.lines.find((a) => a.sku === l.sku)?.quantity ?? 0 }));
  return [{ type: 'GiftRequestApproved', data: compact({ lines, comment: command.comment, ...stamp(command) }) }];
}

export function decideRejectGiftRequest(command: RejectGiftRequest): GiftRequestEvent[] {
  if (!command.reason?.trim()) throw giftRequestTextRequired('reason');
  return [{ type: 'GiftRequestRejected', data: { reason: command.reason, ...stamp(command) } }];
}
