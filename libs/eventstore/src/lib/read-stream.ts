import type { Pool } from 'pg';
import type { RecordedEvent } from './event.js';
import { EVENT_COLUMNS, type EventDecoder, type EventRow } from './event-rows.js';

export interface ReadStreamOptions {
  /** Only events recorded at or before this instant (time travel). */
  asOf?: Date;
  /** Only events up to this stream version. */
  toVersion?: number;
}

export interface StreamRead {
  streamId: string;
  /** Version of the last event read; 0 when the stream has no events. */
  version: number;
  events: RecordedEvent[];
}

export async function readStream(pool: Pool, decode: EventDecoder, streamId: string, options: ReadStreamOptions = {}): Promise<StreamRead> {
  const params: unknown[] = [streamId];
  let filter = '';
  if (options.asOf) {
    params.push(options.asOf);
    filter += ` and recorded_at <= $${params.length}`;
  }
  if (options.toVersion !== undefined) {
    params.push(options.toVersion);
    filter += ` and stream_version <= $${params.length}`;
  }
  const { rows } = await pool.query<EventRow>(`select ${EVENT_COLUMNS} from es_events where stream_id = $1${filter} order by stream_version`, params);
  const events = rows.map(decode);
  return { streamId, version: events.length ? events[events.length - 1].streamVersion : 0, events };
}

/** Several whole streams in one round trip (e.g. everything a batch of events belongs to). */
export async function readStreams(
  pool: Pool,
  decode: EventDecoder,
  streamIds: readonly string[],
  options: Pick<ReadStreamOptions, 'asOf'> = {},
): Promise<Map<string, StreamRead>> {
  const params: unknown[] = [[...new Set(streamIds)]];
  let filter = '';
  if (options.asOf) {
    params.push(options.asOf);
    filter = ` and recorded_at <= $2`;
  }
  const { rows } = await pool.query<EventRow>(
    `select ${EVENT_COLUMNS} from es_events where stream_id = any($1)${filter} order by stream_id, stream_version`,
    params,
  );
  const reads = new Map<string, StreamRead>(streamIds.map((id) => [id, { streamId: id, version: 0, events: [] }]));
  for (const row of rows) {
    const read = reads.get(row.stream_id)!;
    const event = decode(row);
    read.events.push(event);
    read.version = event.streamVersion;
  }
  return reads;
}
