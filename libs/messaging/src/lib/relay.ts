import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import { compact, type Processor, type RecordedEvent, type SqlTx } from '@cs/eventstore';
import type { IntegrationEnvelope, IntegrationEventDescriptor } from '@cs/contracts';

/** One public event derived from a stored one. */
export interface Publication {
  type: string;
  version: number;
  subject: string;
  data: Record<string, unknown>;
}

/** The public event of a contract descriptor; undefined fields are left out of the payload. */
export function publication(descriptor: IntegrationEventDescriptor, data: Record<string, unknown>): Publication {
  return { type: descriptor.type, version: descriptor.version, subject: descriptor.subject, data: compact(data) };
}

/** What a publication map may consult besides the event: the stream up to that event. */
export interface PublicationContext {
  streamUpTo(event: RecordedEvent): Promise<RecordedEvent[]>;
  /** Lets the context load, in one go, the streams a batch of events belongs to. */
  prefetch?(events: readonly RecordedEvent[]): Promise<void>;
}

/**
 * Stored event → public events. Anything it returns nothing for stays private. Maps that need
 * the aggregate's state at that event (e.g. the store a resolution belongs to) fold
 * `context.streamUpTo(event)`.
 */
export type PublicationMap = (event: RecordedEvent, context: PublicationContext) => Publication[] | Promise<Publication[]>;

const noContext: PublicationContext = {
  streamUpTo: () => Promise.reject(new Error('this relay was built without access to the event store')),
};

const encoder = new TextEncoder();

/**
 * Publishes the service's log to JetStream in log order. Each message's Nats-Msg-Id identifies
 * the event (never the attempt), so a republish after a crash is deduplicated by the stream and,
 * past its window, by the consumers' inboxes. The checkpoint moves only after every PubAck.
 */
export class JetStreamRelay implements Processor {
  readonly id = 'relay:jetstream';
  /** It writes to the bus only: no transaction around a batch, one statement for its checkpoint. */
  readonly transactional = false;

  constructor(
    private readonly js: JetStreamClient,
    private readonly source: string,
    private readonly map: PublicationMap,
    private readonly subjectPrefix = '',
    private readonly context: PublicationContext = noContext,
  ) {}

  async handle(events: readonly RecordedEvent[], _tx: SqlTx): Promise<void> {
    await this.context.prefetch?.(events);
    const publications: [RecordedEvent, Publication, number][] = [];
    for (const event of events) {
      (await this.map(event, this.context)).forEach((publication, index) => publications.push([event, publication, index]));
    }
    // sent in one synchronous loop: the client writes them to the socket together (it flushes once
    // per microtask turn; publishing between awaits wrote each message on its own)
    await Promise.all(publications.map(([event, publication, index]) => this.publish(event, publication, index)));
  }

  private publish(event: RecordedEvent, publication: Publication, index: number) {
    const envelope: IntegrationEnvelope = {
      id: index === 0 ? event.eventId : `${event.eventId}:${index}`,
      type: publication.type,
      version: publication.version,
      source: this.source,
      occurredAt: (event.metadata.occurredAt as string | undefined) ?? event.recordedAt.toISOString(),
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId ?? event.metadata.commandId,
      data: publication.data,
    };
    const h = natsHeaders();
    h.set('Event-Type', publication.type);
    h.set('Event-Version', String(publication.version));
    h.set('Stream-Id', event.streamId);
    h.set('Stream-Version', String(event.streamVersion));
    if (envelope.correlationId) h.set('Correlation-Id', envelope.correlationId);
    if (event.metadata.traceparent) h.set('traceparent', String(event.metadata.traceparent));
    return this.js.publish(`${this.subjectPrefix}${publication.subject}`, encoder.encode(JSON.stringify(envelope)), {
      msgID: envelope.id,
      headers: h,
    });
  }
}
