import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { RETURN_REQUEST_STREAM_TYPE } from '../../return-request/return-request.decider.js';
import type { ReturnRequestEvent } from '../../return-request/return-request.events.js';
import { ReturnRegisterRow } from './return-register.entity.js';

/** What a later event says about the goods on every line of the request. */
function dispositionPatch(event: ReturnRequestEvent): Partial<ReturnRegisterRow> | null {
  switch (event.type) {
    case 'ReturnGoodsReceived':
      return { disposition: 'received', ...(event.data.waybillNo ? { waybillNo: event.data.waybillNo } : {}) };
    case 'ReturnInspected':
      return { disposition: event.data.result === 'pass' ? 'restocked' : 'sent_back' };
    case 'ReturnCancelled':
      return { disposition: 'cancelled' };
    case 'ReturnRejected':
      return { disposition: 'rejected' };
    default:
      return null;
  }
}

export const returnRegisterProjection: Projection<OrmTx> = {
  id: 'projection:return-register:v1',
  tables: ['return_register_v1'],
  handles: ['ReturnRequested', 'ReturnGoodsReceived', 'ReturnInspected', 'ReturnCancelled', 'ReturnRejected'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    const repo = tx.em.getRepository(ReturnRegisterRow);
    for (const recorded of events) {
      if (recorded.streamType !== RETURN_REQUEST_STREAM_TYPE) continue;
      const event = { type: recorded.type, data: recorded.data } as ReturnRequestEvent;
      const requestId = recorded.streamId.slice(RETURN_REQUEST_STREAM_TYPE.length + 1);
      if (event.type === 'ReturnRequested') {
        const d = event.data;
        const lines = d.items.map((i, index) => ({
          lineId: `${requestId}:${index + 1}`,
          requestId,
          sku: i.sku,
          storeId: d.storeId,
          requestType: d.type,
          orderRef: d.orderRef ?? null,
          name: i.name,
          size: i.size ?? null,
          colour: i.colour ?? null,
          quantity: i.quantity,
          unitPrice: i.unitPrice,
          reason: d.reason,
          problem: d.description,
          waybillNo: null,
          disposition: 'requested',
          requestedAt: new Date(d.requestedAt),
          version: recorded.streamVersion,
        }));
        if (lines.length) await repo.upsert(lines, ['lineId']);
        continue;
      }
      const patch = dispositionPatch(event);
      if (!patch) continue;
      await tx.query(
        `update return_register_v1 set disposition = $3, waybill_no = coalesce($4, waybill_no), version = $2
          where request_id = $1 and version < $2`,
        [requestId, recorded.streamVersion, patch.disposition, patch.waybillNo ?? null],
      );
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from return_register_v1');
  },
};
