import { compact } from '@cs/eventstore';
import { requireText, stamp } from '../common/after-sales.guards.js';
import type { IssueRefund, ShipReplacement } from './return-request.commands.js';
import { invalidRefundAmount, refundExceedsPaid } from './return-request.errors.js';
import type { ReturnRequestEvent } from './return-request.events.js';
import { refundRemaining, type ReturnRequest } from './return-request.state.js';

/** Partial refunds add up to at most what was paid for the returned lines. */
export function decideRefund(command: IssueRefund, state: ReturnRequest): ReturnRequestEvent[] {
  if (!Number.isInteger(command.amount) || command.amount < 1) throw invalidRefundAmount(command.amount);
  if (command.amount > refundRemaining(state)) throw refundExceedsPaid(command.amount, state.refundCeiling, state.refundedTotal);
  const refundedTotal = state.refundedTotal + command.amount;
  return [
    {
      type: 'RefundIssued',
      data: compact({
        refundNo: state.refunds.length + 1,
        amount: command.amount,
        refundedTotal,
        remaining: state.refundCeiling - refundedTotal,
        method: command.method,
        ...stamp(command),
      }),
    },
  ];
}

/** In a store the replacement is handed over: no waybill. */
export function decideShipReplacement(command: ShipReplacement, _state: ReturnRequest): ReturnRequestEvent[] {
  requireText(command.sku, 'sku');
  return [{ type: 'ReplacementShipped', data: compact({ sku: command.sku, waybillNo: command.waybillNo, ...stamp(command) }) }];
}
