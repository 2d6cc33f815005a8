import { aggregateStream } from '@cs/eventstore';
import { COMPENSATION_STREAM_TYPE, compensationDecider, compensationStreamId } from '../compensation/compensation.decider.js';

/** Where a complaint's gift compensations, by complaint id lives in the log. */
export const compensationStream = aggregateStream({ decider: compensationDecider, streamType: COMPENSATION_STREAM_TYPE, streamId: compensationStreamId });
