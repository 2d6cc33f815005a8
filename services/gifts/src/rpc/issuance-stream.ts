import { aggregateStream } from '@cs/eventstore';
import { ISSUANCE_STREAM_TYPE, issuanceDecider, issuanceStreamId } from '../issuance/issuance.decider.js';

/** Where one line of the issuance register, by issuance id lives in the log. */
export const issuanceStream = aggregateStream({ decider: issuanceDecider, streamType: ISSUANCE_STREAM_TYPE, streamId: issuanceStreamId });
