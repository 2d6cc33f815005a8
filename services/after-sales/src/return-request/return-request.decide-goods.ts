import { compact } from '@cs/eventstore';
import { stamp } from '../common/after-sales.guards.js';
import type { InspectReturn, ReceiveReturnGoods } from './return-request.commands.js';
import { inspectionConditionsInvalid, notApproved } from './return-request.errors.js';
import type { ReturnRequestEvent } from './return-request.events.js';
import type { ReturnRequest } from './return-request.state.js';

/** R61: the goods come back with accessories and invoice; the flags are recorded for the inspection. */
export function decideReceive(command: ReceiveReturnGoods, state: ReturnRequest): ReturnRequestEvent[] {
  if (state.status === 'requested' && !state.goodsPresent) throw notApproved();
  return [
    {
      type: 'ReturnGoodsReceived',
      data: compact({
        accessoriesIncluded: command.accessoriesIncluded,
        invoiceIncluded: command.invoiceIncluded,
        waybillNo: command.waybillNo,
        receivedAt: command.now,
        ...stamp(command),
      }),
    },
  ];
}

/** R62: a pass opens the refund or the replacement; a fail names the conditions that failed. */
export function decideInspect(command: InspectReturn, state: ReturnRequest): ReturnRequestEvent[] {
  const failed = [...new Set(command.failedConditions)];
  if (command.result === 'fail' && failed.length === 0) {
    throw inspectionConditionsInvalid('A failed inspection names the conditions that failed');
  }
  if (command.result === 'pass' && failed.length > 0) {
    throw inspectionConditionsInvalid('A passed inspection names no failed condition', { failedConditions: failed });
  }
  const unknown = failed.filter((c) => !command.knownConditions.includes(c));
  if (unknown.length > 0) {
    throw inspectionConditionsInvalid(`Unknown conditions: ${unknown.join(', ')}`, { unknown, known: command.knownConditions });
  }
  return [
    {
      type: 'ReturnInspected',
      data: compact({ result: command.result, failedConditions: failed, notes: command.notes, requestType: state.type, ...stamp(command) }),
    },
  ];
}
