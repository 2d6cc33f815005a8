import type { EventMetadata, RecordedEvent } from './event.js';
import type { UpcasterChain } from './upcasting.js';

/** An `es_events` row as selected with EVENT_COLUMNS. */
export interface EventRow {
  event_id: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  stream_id: string;
  stream_type: string;
  stream_version: string;
  global_position: string;
  transaction_id: string;
  recorded_at: Date;
}

export const EVENT_COLUMNS = `event_id, event_type, schema_version, data, metadata, stream_id, stream_type,
  stream_version, global_position, transaction_id::text as transaction_id, recorded_at`;

/** Turns a stored row into a recorded event, upcast to the current schema. */
export type EventDecoder = (row: EventRow) => RecordedEvent;

export function eventDecoder(upcasters: UpcasterChain): EventDecoder {
  return (row) => {
    const { data, schemaVersion } = upcasters.apply(row.event_type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      type: row.event_type,
      data,
      schemaVersion,
      metadata: row.metadata,
      streamId: row.stream_id,
      streamType: row.stream_type,
      streamVersion: Number(row.stream_version),
      globalPosition: String(row.global_position),
      transactionId: row.transaction_id,
      recordedAt: row.recorded_at,
    };
  };
}
