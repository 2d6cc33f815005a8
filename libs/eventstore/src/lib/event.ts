/** A domain event as deciders produce it: an explicit wire name plus a plain JSON payload. */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** Who did it. Travels in every command's metadata and is stored with each event. */
export interface Actor {
  id: string;
  role: string;
  name?: string;
  storeId?: string;
  regionIds?: string[];
}

/** Stored beside each event: who, why, which command, which conversation. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  commandId?: string;
  actor?: Actor;
  occurredAt?: string;
  traceparent?: string;
  [key: string]: unknown;
}

/** An event as read back from the log. */
export interface RecordedEvent<E extends Event = Event> {
  eventId: string;
  type: E['type'];
  data: E['data'];
  schemaVersion: number;
  metadata: EventMetadata;
  streamId: string;
  streamType: string;
  streamVersion: number;
  /** Global position, as a decimal string (bigint in Postgres). */
  globalPosition: string;
  /** Writing transaction id (xid8), as a decimal string. */
  transactionId: string;
  recordedAt: Date;
}

/**
 * An event about to be appended. `eventId` is generated when absent (a caller that sets it must make
 * it a fresh random UUID: the log does not check ids for uniqueness); `schemaVersion` defaults to 1.
 */
export interface NewEvent<E extends Event = Event> {
  type: E['type'];
  data: E['data'];
  eventId?: string;
  schemaVersion?: number;
}
