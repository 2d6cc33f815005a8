import { aggregateStream } from '@cs/eventstore';
import { STOCK_STREAM_TYPE, stockDecider, stockStreamId } from '../stock/stock.decider.js';

/** Where one location's ledger of one SKU, by `stockKey(locationId, sku)` lives in the log. */
export const stockStream = aggregateStream({ decider: stockDecider, streamType: STOCK_STREAM_TYPE, streamId: stockStreamId });
