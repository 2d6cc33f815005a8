import type { RecordedEvent, StreamRead } from '@cs/eventstore';
import { fold } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { repairDecider, repairStreamId, REPAIR_STREAM_TYPE } from '../repair/repair.decider.js';
import type { RepairEvent } from '../repair/repair.events.js';
import type { Repair } from '../repair/repair.state.js';
import { returnRequestDecider, returnRequestStreamId, RETURN_REQUEST_STREAM_TYPE } from '../return-request/return-request.decider.js';
import type { ReturnRequestEvent } from '../return-request/return-request.events.js';
import type { ReturnRequest } from '../return-request/return-request.state.js';

export const returnRequestSpec = (requestId: string) => ({
  streamId: returnRequestStreamId(requestId),
  streamType: RETURN_REQUEST_STREAM_TYPE,
  decider: returnRequestDecider,
});

export const repairSpec = (requestId: string) => ({ streamId: repairStreamId(requestId), streamType: REPAIR_STREAM_TYPE, decider: repairDecider });

/** One request id, two possible streams: returns and exchanges, or repairs. */
export type LoadedRequest =
  | { kind: 'return'; state: ReturnRequest; version: number; events: RecordedEvent[] }
  | { kind: 'repair'; state: Repair; version: number; events: RecordedEvent[] };

function fromReads(returns: StreamRead, repairs: StreamRead): LoadedRequest | null {
  if (returns.version > 0) {
    const state = fold(returnRequestDecider, returns.events as unknown as ReturnRequestEvent[]);
    return state ? { kind: 'return', state, version: returns.version, events: returns.events } : null;
  }
  if (repairs.version > 0) {
    const state = fold(repairDecider, repairs.events as unknown as RepairEvent[]);
    return state ? { kind: 'repair', state, version: repairs.version, events: repairs.events } : null;
  }
  return null;
}

/** The request folded from whichever stream holds it (one round trip), optionally as it was at `asOf`. */
export async function loadRequest(host: ServiceHost, requestId: string, asOf?: Date): Promise<LoadedRequest | null> {
  const ids = [returnRequestStreamId(requestId), repairStreamId(requestId)];
  const reads = await host.store.readStreams(ids, asOf ? { asOf } : {});
  return fromReads(reads.get(ids[0])!, reads.get(ids[1])!);
}
