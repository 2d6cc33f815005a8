import type { RecordedEvent } from '@cs/eventstore';
import { publication as publish, type Publication, type PublicationContext } from '@cs/messaging';
import {
  afterSalesCompletedV1,
  afterSalesDeadlineBreachedV1,
  afterSalesRefundIssuedV1,
  afterSalesRejectedAfterInspectionV1,
  goodsReturnedToStockV1,
  productQualityReportedV1,
} from '@cs/contracts';
import type { ItemLine } from '../common/after-sales.values.js';
import { REPAIR_STREAM_TYPE } from '../repair/repair.decider.js';
import type { RepairEvent } from '../repair/repair.events.js';
import { chargeOf } from '../repair/repair.state.js';
import { RETURN_REQUEST_STREAM_TYPE } from '../return-request/return-request.decider.js';
import type { ReturnRequestEvent } from '../return-request/return-request.events.js';
import { repairStream, returnRequestStream } from '../rpc/after-sales-stream.js';

const lines = (items: readonly ItemLine[]) => items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice }));

const RETURN_PUBLISHED = ['ReturnRequested', 'ReturnInspected', 'RefundIssued', 'ReturnCallbackScheduled'];
const REPAIR_PUBLISHED = ['RepairRegistered', 'RepairDiagnosed', 'RepairCallbackScheduled', 'RepairDeadlineBreached'];

async function returnPublications(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  if (!RETURN_PUBLISHED.includes(recorded.type)) return [];
  const r = returnRequestStream.fold(await context.streamUpTo(recorded));
  if (!r) return [];
  const event = { type: recorded.type, data: recorded.data } as ReturnRequestEvent;
  switch (event.type) {
    case 'ReturnRequested':
      // R80: a quality problem is product-quality data for the merchandise centre
      return r.reason === 'quality' && r.items.length
        ? [publish(productQualityReportedV1, { requestId: r.requestId, type: r.type, storeId: r.storeId, lines: lines(r.items), problem: r.description, orderRef: r.orderRef, reportedAt: r.requestedAt })]
        : [];
    case 'ReturnInspected':
      if (event.data.result === 'fail') {
        return [
          publish(afterSalesRejectedAfterInspectionV1, {
            requestId: r.requestId,
            type: r.type,
            storeId: r.storeId,
            memberId: r.memberId,
            linkedComplaintId: r.linkedComplaintId,
            failedConditions: event.data.failedConditions,
            notes: event.data.notes,
            inspectedAt: event.data.at,
          }),
        ];
      }
      return r.items.length
        ? [publish(goodsReturnedToStockV1, { requestId: r.requestId, storeId: r.storeId, orderRef: r.orderRef, lines: lines(r.items), waybillNo: r.receipt?.waybillNo, returnedAt: event.data.at })]
        : [];
    case 'RefundIssued':
      return [
        publish(afterSalesRefundIssuedV1, {
          requestId: r.requestId,
          refundNo: event.data.refundNo,
          storeId: r.storeId,
          memberId: r.memberId,
          orderRef: r.orderRef,
          amount: event.data.amount,
          refundedTotal: event.data.refundedTotal,
          paidForReturnedLines: r.refundCeiling,
          lines: lines(r.items),
          linkedComplaintId: r.linkedComplaintId,
          issuedAt: event.data.at,
        }),
      ];
    case 'ReturnCallbackScheduled':
      return [
        publish(afterSalesCompletedV1, {
          requestId: r.requestId,
          type: r.type,
          storeId: r.storeId,
          memberId: r.memberId,
          linkedComplaintId: r.linkedComplaintId,
          completedAt: r.completedAt,
          callbackDueAt: event.data.dueAt,
          amount: r.refundedTotal,
          notifyReporter: false,
        }),
      ];
    default:
      return [];
  }
}

async function repairPublications(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  if (!REPAIR_PUBLISHED.includes(recorded.type)) return [];
  const p = repairStream.fold(await context.streamUpTo(recorded));
  if (!p) return [];
  const event = { type: recorded.type, data: recorded.data } as RepairEvent;
  switch (event.type) {
    case 'RepairRegistered':
      return p.reason === 'quality' && p.items.length
        ? [publish(productQualityReportedV1, { requestId: p.requestId, type: 'repair', storeId: p.storeId, lines: lines(p.items), problem: p.description, orderRef: p.orderRef, reportedAt: p.registeredAt })]
        : [];
    case 'RepairDiagnosed':
      // a fault the technician finds in warranty is a quality finding even when intake said otherwise
      return p.reason !== 'quality' && event.data.free && p.origin === 'customer' && p.items.length
        ? [publish(productQualityReportedV1, { requestId: p.requestId, type: 'repair', storeId: p.storeId, lines: lines(p.items), problem: event.data.fault, orderRef: p.orderRef, reportedAt: event.data.at })]
        : [];
    case 'RepairCallbackScheduled':
      return [
        publish(afterSalesCompletedV1, {
          requestId: p.requestId,
          type: 'repair',
          storeId: p.storeId,
          memberId: p.memberId,
          linkedComplaintId: p.linkedComplaintId,
          completedAt: p.completedAt,
          callbackDueAt: event.data.dueAt,
          amount: chargeOf(p),
          serviceMode: p.serviceMode,
          reportedBy: p.reportedBy,
          notifyReporter: p.reportedBy !== 'end_user',
        }),
      ];
    case 'RepairDeadlineBreached':
      return [publish(afterSalesDeadlineBreachedV1, { requestId: p.requestId, storeId: p.storeId, clock: event.data.clock, dueAt: event.data.dueAt, breachedAt: event.data.at })];
    default:
      return [];
  }
}

/**
 * Stored after-sales events → public v1 contracts. Only what other services act on leaves, and
 * never the customer's contact data. Fields the stored event does not repeat come from the
 * request's state as of that event.
 */
export async function afterSalesPublications(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  if (recorded.streamType === RETURN_REQUEST_STREAM_TYPE) return returnPublications(recorded, context);
  if (recorded.streamType === REPAIR_STREAM_TYPE) return repairPublications(recorded, context);
  return [];
}
