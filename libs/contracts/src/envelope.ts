/** Identifies one integration event contract: wire type, major version and NATS subject. */
export interface IntegrationEventDescriptor {
  type: string;
  version: number;
  subject: string;
}

/** What travels on the bus: the payload plus where it came from and its causal chain. */
export interface IntegrationEnvelope<T = Record<string, unknown>> {
  /** The source event's id; also the JetStream Nats-Msg-Id and the consumers' inbox key. */
  id: string;
  type: string;
  version: number;
  /** Producing service, e.g. `members`. */
  source: string;
  occurredAt: string;
  streamId: string;
  streamVersion: number;
  correlationId?: string;
  causationId?: string;
  data: T;
}
