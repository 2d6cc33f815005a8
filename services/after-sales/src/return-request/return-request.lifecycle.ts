import { defineLifecycle, type DomainError } from '@cs/eventstore';
import type { ReturnRequestCommand, ReturnRequestCommandType } from './return-request.commands.js';
import { notInspected } from './return-request.errors.js';
import type { ReturnRequestEvent } from './return-request.events.js';
import { RETURN_REQUEST_STATUSES, type ReturnRequestStatus } from './return-request.values.js';

const BEFORE_INSPECTION: readonly ReturnRequestStatus[] = ['requested', 'awaiting_goods', 'inspecting'];

/** Refusals that say what must come first. */
function refuse(command: ReturnRequestCommandType, status: ReturnRequestStatus | undefined): DomainError | undefined {
  if (status === undefined) return undefined;
  if ((command === 'IssueRefund' || command === 'ShipReplacement') && BEFORE_INSPECTION.includes(status)) return notInspected(status);
  return undefined;
}

/**
 * §1.4.5 return / exchange. At the counter (`goodsPresent`) the goods are received straight from
 * `requested`: eligibility was checked at filing, so request, inspection and completion fit in one visit.
 */
export const returnRequestLifecycle = defineLifecycle<ReturnRequestStatus, ReturnRequestCommand, ReturnRequestEvent>({
  name: 'return request',
  statuses: RETURN_REQUEST_STATUSES,
  terminal: ['closed', 'rejected', 'rejected_after_inspection', 'cancelled'],
  settled: ['completed', 'callback_pending'],
  commands: {
    FileReturn: 'create',
    ApproveReturn: ['requested'],
    RejectReturn: ['requested'],
    ReceiveReturnGoods: ['requested', 'awaiting_goods'],
    InspectReturn: ['inspecting'],
    IssueRefund: ['refund_pending', 'refunded'],
    ShipReplacement: ['replacement_pending'],
    CompleteReturn: ['refund_pending', 'refunded', 'exchange_shipped'],
    CloseReturn: ['callback_pending'],
    CancelReturn: ['requested', 'awaiting_goods'],
  },
  events: {
    ReturnRequested: 'requested',
    ReturnApproved: (_before, e) =>
      e.data.goodsExpected ? 'awaiting_goods' : e.data.requestType === 'return' ? 'refund_pending' : 'replacement_pending',
    ReturnRejected: 'rejected',
    ReturnGoodsReceived: 'inspecting',
    ReturnInspected: (_before, e) =>
      e.data.result === 'fail' ? 'rejected_after_inspection' : e.data.requestType === 'return' ? 'refund_pending' : 'replacement_pending',
    RefundIssued: (_before, e) => (e.data.remaining === 0 ? 'refunded' : 'refund_pending'),
    ReplacementShipped: 'exchange_shipped',
    ReturnCompleted: 'completed',
    ReturnCallbackScheduled: 'callback_pending',
    ReturnClosed: 'closed',
    ReturnCancelled: 'cancelled',
  },
  refuse,
});
