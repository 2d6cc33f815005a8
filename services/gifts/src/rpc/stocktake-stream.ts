import { aggregateStream } from '@cs/eventstore';
import { STOCKTAKE_STREAM_TYPE, stocktakeDecider, stocktakeStreamId } from '../stocktake/stocktake.decider.js';

/** Where a stocktake, by stocktake id lives in the log. */
export const stocktakeStream = aggregateStream({ decider: stocktakeDecider, streamType: STOCKTAKE_STREAM_TYPE, streamId: stocktakeStreamId });
