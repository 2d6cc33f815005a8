import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';

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

/**
 * Redelivery after a consumer dies. A message a process pulled and did not acknowledge is
 * redelivered only when its ack wait runs out, and while the dead process's messages count
 * against max_ack_pending the survivors get nothing new. So: a short ack wait (5 s) bounds how
 * long a dead process's messages wait; the consumer keeps a slow handler's message alive with
 * in-progress acks (`msg.working()`), so the short wait never redelivers work still being done;
 * and small pull batches (CONSUMER_PULL_BATCH) keep what a dead process strands far below
 * max_ack_pending, so the surviving replicas never stall (a consumer that applies batches pulls
 * a batch ahead and gets four times that: maxAckPendingFor). (A heartbeat of our own would add
 * nothing JetStream does not already give with these three; server 2.9 has no consumer pause.)
 */
export const CONSUMER_ACK_WAIT_MS = 5_000;
export const CONSUMER_MAX_ACK_PENDING = 32;

/** Creates the durable pull consumer, or brings an existing one to the current settings (server 2.9: one filter subject). */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const wanted = {
    ack_wait: nanos(spec.ackWaitMs ?? CONSUMER_ACK_WAIT_MS),
    max_deliver: spec.maxDeliver ?? 10,
    max_ack_pending: spec.maxAckPending ?? CONSUMER_MAX_ACK_PENDING,
  };
  let existing: ConsumerConfig | undefined;
  try {
    existing = (await jsm.consumers.info(spec.stream, spec.durable)).config;
  } catch (error) {
    if (!/not found/i.test(String((error as Error)?.message))) throw error;
  }
  if (!existing) {
    await jsm.consumers.add(spec.stream, {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: spec.filterSubject,
      ...wanted,
    });
    return;
  }
  // Consumers made by an older release keep their old settings until told otherwise.
  if (existing.ack_wait !== wanted.ack_wait || existing.max_deliver !== wanted.max_deliver || existing.max_ack_pending !== wanted.max_ack_pending) {
    await jsm.consumers.update(spec.stream, spec.durable, wanted);
  }
}
