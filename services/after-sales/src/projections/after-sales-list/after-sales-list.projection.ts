import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { REPAIR_STREAM_TYPE } from '../../repair/repair.decider.js';
import type { RepairEvent } from '../../repair/repair.events.js';
import { repairLifecycle } from '../../repair/repair.lifecycle.js';
import type { RepairStatus } from '../../repair/repair.values.js';
import { RETURN_REQUEST_STREAM_TYPE } from '../../return-request/return-request.decider.js';
import type { ReturnRequestEvent } from '../../return-request/return-request.events.js';
import { returnRequestLifecycle } from '../../return-request/return-request.lifecycle.js';
import type { ReturnRequestStatus } from '../../return-request/return-request.values.js';
import { AfterSalesListRow } from './after-sales-list.entity.js';

type Patch = Partial<AfterSalesListRow>;
const at = (iso: string) => new Date(iso);

function returnPatch(event: ReturnRequestEvent, row: AfterSalesListRow): Patch {
  const status = returnRequestLifecycle.statusAfter(event, row.status as ReturnRequestStatus);
  return event.type === 'RefundIssued' ? { status, refundedTotal: event.data.refundedTotal } : { status };
}

/** The clock fields follow the aggregate's own rules: armed at scheduling or receipt, stopped when the work is done. */
function repairPatch(event: RepairEvent, row: AfterSalesListRow): Patch {
  const status = repairLifecycle.statusAfter(event, row.status as RepairStatus);
  const stop = row.dueAt && !row.clockStoppedAt ? (iso: string) => ({ clockStoppedAt: at(iso) }) : () => ({});
  switch (event.type) {
    case 'RepairVisitScheduled':
    case 'RepairItemReceived':
      return { status, dueAt: at(event.data.dueAt), clockStoppedAt: null, breached: false };
    case 'RepairDiagnosed':
      return { status, ...(event.data.visitedAt ? stop(event.data.visitedAt) : {}) };
    case 'RepairReady':
    case 'RepairReturnShipped':
      return { status, ...stop(event.data.readyAt) };
    case 'RepairCompleted':
      return { status, refundedTotal: event.data.charged, ...stop(event.data.completedAt) };
    case 'RepairCancelled':
    case 'RepairQuoteDeclined':
      return { status, ...stop(event.data.at) };
    case 'RepairDeadlineBreached':
      return { status, breached: true };
    default:
      return { status };
  }
}

function created(recorded: RecordedEvent): AfterSalesListRow | null {
  if (recorded.type === 'ReturnRequested') {
    const d = (recorded.data as Extract<ReturnRequestEvent, { type: 'ReturnRequested' }>['data']);
    return row(recorded, { ...d, requestType: d.type, status: 'requested', requestedAt: d.requestedAt, windowEndsAt: d.windowEndsAt, serviceMode: undefined });
  }
  if (recorded.type === 'RepairRegistered') {
    const d = (recorded.data as Extract<RepairEvent, { type: 'RepairRegistered' }>['data']);
    return row(recorded, { ...d, requestType: 'repair', status: 'registered', requestedAt: d.registeredAt, windowEndsAt: undefined, serviceMode: d.serviceMode });
  }
  return null;
}

function row(
  recorded: RecordedEvent,
  d: {
    requestId: string;
    requestType: string;
    status: string;
    storeId: string;
    regionId?: string;
    memberId?: string;
    orderRef?: string;
    reason: string;
    origin: string;
    serviceMode?: string;
    linkedComplaintId?: string;
    requestedAt: string;
    windowEndsAt?: string;
  },
): AfterSalesListRow {
  return {
    requestId: d.requestId,
    type: d.requestType,
    status: d.status,
    storeId: d.storeId,
    regionId: d.regionId ?? null,
    memberId: d.memberId ?? null,
    orderRef: d.orderRef ?? null,
    reason: d.reason,
    origin: d.origin,
    serviceMode: d.serviceMode ?? null,
    linkedComplaintId: d.linkedComplaintId ?? null,
    requestedAt: at(d.requestedAt),
    windowEndsAt: d.windowEndsAt ? at(d.windowEndsAt) : null,
    dueAt: null,
    clockStoppedAt: null,
    breached: false,
    refundedTotal: 0,
    version: recorded.streamVersion,
  };
}

export const AFTER_SALES_LIST_STREAM_TYPES = [RETURN_REQUEST_STREAM_TYPE, REPAIR_STREAM_TYPE];

export const afterSalesListProjection: Projection<OrmTx> = {
  id: 'projection:after-sales-list:v1',
  tables: ['after_sales_list_v1'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    const repo = tx.em.getRepository(AfterSalesListRow);
    for (const recorded of events) {
      if (!AFTER_SALES_LIST_STREAM_TYPES.includes(recorded.streamType)) continue;
      const fresh = created(recorded);
      if (fresh) {
        await repo.upsert(fresh, ['requestId']);
        continue;
      }
      const id = recorded.streamId.slice(recorded.streamType.length + 1);
      const current = await repo.findOneBy({ requestId: id });
      if (!current || current.version >= recorded.streamVersion) continue;
      const event = { type: recorded.type, data: recorded.data };
      const patch =
        recorded.streamType === REPAIR_STREAM_TYPE ? repairPatch(event as RepairEvent, current) : returnPatch(event as ReturnRequestEvent, current);
      await repo.update({ requestId: id }, { ...patch, version: recorded.streamVersion });
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from after_sales_list_v1');
  },
};
