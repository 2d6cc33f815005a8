import { aggregateStream } from '@cs/eventstore';
import { GIFT_STREAM_TYPE, giftDecider, giftStreamId } from '../gift/gift.decider.js';

/** Where the catalogue item, by SKU lives in the log. */
export const giftStream = aggregateStream({ decider: giftDecider, streamType: GIFT_STREAM_TYPE, streamId: giftStreamId });
