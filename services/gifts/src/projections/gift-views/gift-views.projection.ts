import type { Decider, Event, Projection, RecordedEvent, SqlTx } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { ENTITLEMENT_STREAM_TYPE, entitlementDecider } from '../../entitlement/entitlement.decider.js';
import { GIFT_STREAM_TYPE, giftDecider } from '../../gift/gift.decider.js';
import { GIFT_REQUEST_STREAM_TYPE, giftRequestDecider } from '../../gift-request/gift-request.decider.js';
import { ISSUANCE_STREAM_TYPE, issuanceDecider } from '../../issuance/issuance.decider.js';
import { PROCUREMENT_PLAN_STREAM_TYPE, procurementPlanDecider } from '../../procurement-plan/procurement-plan.decider.js';
import { STOCK_STREAM_TYPE, stockDecider } from '../../stock/stock.decider.js';
import { STOCKTAKE_STREAM_TYPE, stocktakeDecider } from '../../stocktake/stocktake.decider.js';
import { writeEntitlement, writeGift, writeIssuance, writePlan, writeRequest, writeStock, writeStocktake, type ViewStamp } from './gift-views.rows.js';

interface View {
  decider: Decider<unknown, unknown, Event>;
  write: (tx: SqlTx, state: never, stamp: ViewStamp) => Promise<void>;
}

const view = <S, C, E extends Event>(decider: Decider<S, C, E>, write: (tx: SqlTx, state: S, stamp: ViewStamp) => Promise<void>): View =>
  ({ decider, write }) as unknown as View;

const VIEWS: Record<string, View> = {
  [GIFT_STREAM_TYPE]: view(giftDecider, writeGift),
  [STOCK_STREAM_TYPE]: view(stockDecider, writeStock),
  [ISSUANCE_STREAM_TYPE]: view(issuanceDecider, writeIssuance),
  [PROCUREMENT_PLAN_STREAM_TYPE]: view(procurementPlanDecider, writePlan),
  [GIFT_REQUEST_STREAM_TYPE]: view(giftRequestDecider, writeRequest),
  [ENTITLEMENT_STREAM_TYPE]: view(entitlementDecider, writeEntitlement),
  [STOCKTAKE_STREAM_TYPE]: view(stocktakeDecider, writeStocktake),
};

/**
 * Every list of the gifts service is the fold of an aggregate's stream, written as one row: for
 * each stream touched in a batch the stream is folded up to the batch's last event (in the same
 * transaction as the checkpoint), and the row only ever moves forward in stream version.
 */
export const giftViewsProjection: Projection<OrmTx> = {
  id: 'projection:gift-views:v1',
  tables: ['gift_catalogue_v1', 'gift_stock_v1', 'gift_issuances_v1', 'gift_documents_v1'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    const last = new Map<string, RecordedEvent>();
    for (const e of events) if (VIEWS[e.streamType]) last.set(e.streamId, e);
    for (const e of last.values()) {
      const v = VIEWS[e.streamType];
      const rows = await tx.query<{ type: string; data: object }>(
        'select event_type as type, data from es_events where stream_id = $1 and stream_version <= $2 order by stream_version',
        [e.streamId, e.streamVersion],
      );
      let state = v.decider.initialState();
      for (const row of rows) state = v.decider.evolve(state, row as Event);
      await v.write(tx, state as never, { version: e.streamVersion, at: e.recordedAt });
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('truncate gift_catalogue_v1, gift_stock_v1, gift_issuances_v1, gift_documents_v1');
  },
};
