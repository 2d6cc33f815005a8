import type { PoolClient } from 'pg';
import type { EventMetadata, PostgresEventStore, RecordedEvent } from '@cs/eventstore';
import type { RequestActor } from '../common/after-sales.values.js';
import type { OrderReturnLedgerCommand } from '../order-return-ledger/order-return-ledger.commands.js';
import type { ReturnRequestEvent } from '../return-request/return-request.events.js';
import type { ReturnRequestState } from '../return-request/return-request.state.js';
import { orderReturnLedgerStream } from './after-sales-stream.js';

/** What the order's ledger must record for these request events: a claim at filing, a release when the goods stop coming back. */
export function ledgerCommandFor(events: readonly RecordedEvent[], state: ReturnRequestState, actor: RequestActor, now: string): OrderReturnLedgerCommand | null {
  if (!state?.orderRef) return null;
  const base = { orderRef: state.orderRef, requestId: state.requestId, now, actor };
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as ReturnRequestEvent;
    switch (event.type) {
      case 'ReturnRequested':
        return {
          ...base,
          type: 'ClaimReturnQuantities',
          lines: state.items.map((i) => ({ sku: i.sku, quantity: i.quantity, purchasedQuantity: i.purchasedQuantity })),
        };
      case 'ReturnCancelled':
        return { ...base, type: 'ReleaseReturnQuantities', reason: 'cancelled' };
      case 'ReturnRejected':
        return { ...base, type: 'ReleaseReturnQuantities', reason: `rejected: ${event.data.reason}` };
      case 'ReturnInspected':
        if (event.data.result === 'fail') return { ...base, type: 'ReleaseReturnQuantities', reason: 'rejected after inspection' };
        break;
      default:
        break;
    }
  }
  return null;
}

/**
 * Appends the ledger's events in the request's transaction, so the request and what it takes from
 * the order commit or fail together. The order's ledger is serialised with a transaction-scoped
 * advisory lock: concurrent requests on one order queue here rather than fail on a version race,
 * and each decides on the ledger as the previous one committed it.
 */
export async function applyToLedger(store: PostgresEventStore, client: PoolClient, command: OrderReturnLedgerCommand, metadata: EventMetadata): Promise<void> {
  const streamId = orderReturnLedgerStream.streamId(command.orderRef);
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [streamId]);
  const { state, version } = await orderReturnLedgerStream.load(store, command.orderRef);
  const events = orderReturnLedgerStream.decider.decide(command, state);
  if (!events.length) return;
  await store.appendWithin(client, streamId, orderReturnLedgerStream.streamType, events.map((e) => ({ type: e.type, data: e.data })), {
    expectedVersion: version === 0 ? 'no_stream' : version,
    metadata,
  });
}
