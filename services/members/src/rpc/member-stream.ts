import { aggregateStream } from '@cs/eventstore';
import { memberDecider, memberStreamId, MEMBER_STREAM_TYPE } from '../member/member.decider.js';

/** The member aggregate's stream: `memberStream.spec(id)` for commands, `memberStream.load(host, id)` for reads. */
export const memberStream = aggregateStream({ decider: memberDecider, streamType: MEMBER_STREAM_TYPE, streamId: memberStreamId });
