import { aggregateStream, type RecordedEvent, type StreamRead } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { AFTER_SALES_POLICY_STREAM_TYPE, afterSalesPolicyDecider, afterSalesPolicyStreamId } from '../after-sales-policy/after-sales-policy.decider.js';
import {
  ORDER_RETURN_LEDGER_STREAM_TYPE,
  orderReturnLedgerDecider,
  orderReturnLedgerStreamId,
} from '../order-return-ledger/order-return-ledger.decider.js';
import { repairDecider, repairStreamId, REPAIR_STREAM_TYPE } from '../repair/repair.decider.js';
import type { Repair } from '../repair/repair.state.js';
import { returnRequestDecider, returnRequestStreamId, RETURN_REQUEST_STREAM_TYPE } from '../return-request/return-request.decider.js';
import type { ReturnRequest } from '../return-request/return-request.state.js';

export const returnRequestStream = aggregateStream({ decider: returnRequestDecider, streamType: RETURN_REQUEST_STREAM_TYPE, streamId: returnRequestStreamId });
export const repairStream = aggregateStream({ decider: repairDecider, streamType: REPAIR_STREAM_TYPE, streamId: repairStreamId });
export const orderReturnLedgerStream = aggregateStream({
  decider: orderReturnLedgerDecider,
  streamType: ORDER_RETURN_LEDGER_STREAM_TYPE,
  streamId: orderReturnLedgerStreamId,
});
export const afterSalesPolicyStream = aggregateStream({
  decider: afterSalesPolicyDecider,
  streamType: AFTER_SALES_POLICY_STREAM_TYPE,
  streamId: afterSalesPolicyStreamId,
});

/** One request id, two possible streams: returns and exchanges, or repairs. */
export type LoadedRequest =
  | { kind: 'return'; state: ReturnRequest; version: number; events: RecordedEvent[] }
  | { kind: 'repair'; state: Repair; version: number; events: RecordedEvent[] };

function fromReads(returns: StreamRead, repairs: StreamRead): LoadedRequest | null {
  const r = returnRequestStream.fromRead(returns);
  if (r.state) return { kind: 'return', state: r.state, version: r.version, events: r.events };
  const p = repairStream.fromRead(repairs);
  if (p.state) return { kind: 'repair', state: p.state, version: p.version, events: p.events };
  return null;
}

/** The request folded from whichever stream holds it (one round trip), optionally as it was at `asOf`. */
export async function loadRequest(host: ServiceHost, requestId: string, asOf?: Date): Promise<LoadedRequest | null> {
  const ids = [returnRequestStream.streamId(requestId), repairStream.streamId(requestId)];
  const reads = await host.store.readStreams(ids, asOf ? { asOf } : {});
  return fromReads(reads.get(ids[0])!, reads.get(ids[1])!);
}
