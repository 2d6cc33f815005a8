import { aggregateStream } from '@cs/eventstore';
import { complaintDecider, complaintStreamId, COMPLAINT_STREAM_TYPE } from '../complaint/complaint.decider.js';

/** The complaint aggregate's stream: `complaintStream.spec(id)` for commands, `complaintStream.load(host, id)` for reads. */
export const complaintStream = aggregateStream({ decider: complaintDecider, streamType: COMPLAINT_STREAM_TYPE, streamId: complaintStreamId });
