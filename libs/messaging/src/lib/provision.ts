import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';

export interface EventStreamSpec {
  name: string;
  subjects: string[];
  /** Must cover the relay's worst expected outage: a republish inside it is deduplicated. */
  duplicateWindowMs?: number;
  maxAgeMs?: number;
  replicas?: number;
}

/**
 * Creates or updates a service's event stream. Limits retention (JetStream is transport; the
 * producer's log is the truth), file storage, no delete/purge.
 */
export async function ensureEventStream(jsm: JetStreamManager, spec: EventStreamSpec): Promise<void> {
  const config = {
    name: spec.name,
    subjects: spec.subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: spec.replicas ?? 1,
    duplicate_window: nanos(spec.duplicateWindowMs ?? 30 * 60_000),
    max_age: nanos(spec.maxAgeMs ?? 30 * 24 * 3_600_000),
    deny_delete: true,
    deny_purge: true,
  };
  try {
    await jsm.streams.info(spec.name);
    await jsm.streams.update(spec.name, config);
  } catch (error) {
    if (!/not found/i.test(String((error as Error)?.message))) throw error;
    await jsm.streams.add(config);
  }
}

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs?: number;
  maxDeliver?: number;
  maxAckPending?: number;
}

/** Creates the durable pull consumer if missing (server 2.9: one filter subject, no inactivity threshold). */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
    return;
  } catch (error) {
    if (!/not found/i.test(String((error as Error)?.message))) throw error;
  }
  await jsm.consumers.add(spec.stream, {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    ack_wait: nanos(spec.ackWaitMs ?? 60_000),
    max_deliver: spec.maxDeliver ?? 10,
    max_ack_pending: spec.maxAckPending ?? 32,
  });
}
