import { compact } from '@cs/eventstore';
import { duplicateSku, stamp } from '../shared/gifts-actor.js';
import type { ReceiveGiftRequest, ResolveGiftDiscrepancy } from './gift-request.commands.js';
import {
  giftRequestDamagedExceedsReceived,
  giftRequestDuplicateLine,
  giftRequestLineUnknown,
  giftRequestQuantityInvalid,
  giftRequestReceiptExceedsDispatch,
  giftRequestReceiptIncomplete,
  giftRequestTextRequired,
} from './gift-request.errors.js';
import type { GiftRequestEvent } from './gift-request.events.js';
import type { GiftRequest } from './gift-request.state.js';
import { shortOf, type ReceivedLine } from './gift-request.values.js';

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

/** The store counts every dispatched line; short or damaged units open a discrepancy (§3.6 case 1). */
export function decideReceiveGiftRequest(command: ReceiveGiftRequest, request: GiftRequest): GiftRequestEvent[] {
  const dispatched = request.dispatched ?? [];
  const duplicate = duplicateSku(command.lines);
  if (duplicate) throw giftRequestDuplicateLine(duplicate);
  for (const line of command.lines) {
    if (!dispatched.some((d) => d.sku === line.sku)) throw giftRequestLineUnknown(line.sku);
  }
  const missing = dispatched.filter((d) => !command.lines.some((l) => l.sku === d.sku)).map((d) => d.sku);
  if (missing.length) throw giftRequestReceiptIncomplete(missing);
  const lines: ReceivedLine[] = dispatched.map((d) => {
    const line = command.lines.find((l) => l.sku === d.sku)!;
    if (!isCount(line.received)) throw giftRequestQuantityInvalid(d.sku, line.received);
    if (!isCount(line.damaged)) throw giftRequestQuantityInvalid(d.sku, line.damaged);
    if (line.received > d.quantity) throw giftRequestReceiptExceedsDispatch(d.sku, d.quantity, line.received);
    if (line.damaged > line.received) throw giftRequestDamagedExceedsReceived(d.sku, line.received, line.damaged);
    return { sku: d.sku, dispatched: d.quantity, received: line.received, damaged: line.damaged };
  });
  const events: GiftRequestEvent[] = [{ type: 'GiftRequestReceived', data: compact({ lines, note: command.note, ...stamp(command) }) }];
  const discrepancies = lines.filter((l) => shortOf(l) > 0 || l.damaged > 0).map((l) => ({ sku: l.sku, short: shortOf(l), damaged: l.damaged }));
  if (discrepancies.length) events.push({ type: 'GiftReceiptDiscrepancyFound', data: { lines: discrepancies, ...stamp(command) } });
  return events;
}

export function decideResolveGiftDiscrepancy(command: ResolveGiftDiscrepancy): GiftRequestEvent[] {
  if (!command.resolution?.trim()) throw giftRequestTextRequired('resolution');
  return [{ type: 'GiftReceiptDiscrepancyResolved', data: { resolution: command.resolution, ...stamp(command) } }];
}
