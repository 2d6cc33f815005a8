import { aggregateStream } from '@cs/eventstore';
import { GIFT_REQUEST_STREAM_TYPE, giftRequestDecider, giftRequestStreamId } from '../gift-request/gift-request.decider.js';

/** Where a store request or new-store kit, by request id lives in the log. */
export const giftRequestStream = aggregateStream({ decider: giftRequestDecider, streamType: GIFT_REQUEST_STREAM_TYPE, streamId: giftRequestStreamId });
