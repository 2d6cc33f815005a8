import { fold, type RecordedEvent } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { complaintDecider, complaintStreamId, COMPLAINT_STREAM_TYPE } from '../complaint/complaint.decider.js';
import type { ComplaintEvent } from '../complaint/complaint.events.js';
import type { ComplaintState } from '../complaint/complaint.state.js';

export const complaintSpec = (complaintId: string) => ({
  streamId: complaintStreamId(complaintId),
  streamType: COMPLAINT_STREAM_TYPE,
  decider: complaintDecider,
});

export function foldComplaint(events: readonly RecordedEvent[]): ComplaintState {
  return fold(complaintDecider, events as unknown as ComplaintEvent[]);
}

/** The complaint folded from its stream, optionally as it was at `asOf`. */
export async function loadComplaint(host: ServiceHost, complaintId: string, asOf?: Date) {
  const read = await host.store.readStream(complaintStreamId(complaintId), { asOf });
  return { state: foldComplaint(read.events), version: read.version, events: read.events };
}
