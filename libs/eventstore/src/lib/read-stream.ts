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

/** What a command needs before it decides, read in one round trip. */
export interface CommandRead {
  /** Version of the stream as read (the snapshot's when no event follows it). */
  version: number;
  /** The snapshot the events follow, when one of the requested schema exists. */
  snapshot?: { version: number; state: unknown };
  /** The events after the snapshot (all of them without one). */
  events: RecordedEvent[];
  /** The idempotency record already stored under the command id, if any. */
  command?: { requestHash: string; result: Record<string, unknown> };
  /** The current version of each stream asked for in `versionsOf` (0 for a stream with no events). */
  versions: Map<string, number>;
}

export interface CommandReadOptions {
  snapshotSchema?: number;
  commandId?: string;
  /** Other streams whose versions the command checks a cache against, read in the same statement. */
  versionsOf?: readonly string[];
}

/**
 * A stream as a command needs it: its snapshot of the given schema (a snapshot of another schema
 * is ignored), the events after it, the idempotency record of the command id and the versions of
 * `versionsOf`, in one statement.
 */
export async function readForCommand(pool: Pool, decode: EventDecoder, streamId: string, options: CommandReadOptions = {}): Promise<CommandRead> {
  const versionsOf = options.versionsOf ?? [];
  const { rows } = await pool.query<EventRow>({
    // one text for every command: each connection prepares it once
    name: 'es_read_for_command_v1',
    text: `with snap as (select version, state from es_snapshots where stream_id = $1 and schema_version = $2::int)
     select null::uuid as event_id, '$snapshot' as event_type, 0 as schema_version, state as data, null::jsonb as metadata,
            $1 as stream_id, null::text as stream_type, version as stream_version, null::bigint as global_position,
            null::text as transaction_id, null::timestamptz as recorded_at
       from snap
     union all
     select null, '$command', 0, jsonb_build_object('hash', request_hash, 'result', result), null, $1, null, null, null, null, null
       from es_command_log where command_id = $3::text
     union all
     select null, '$version', 0, null, null, stream_id, null, version, null, null, null
       from es_streams where stream_id = any($4::text[])
     union all
     (select ${EVENT_COLUMNS} from es_events
       where stream_id = $1 and stream_version > coalesce((select version from snap), 0) order by stream_version)`,
    values: [streamId, options.snapshotSchema ?? null, options.commandId ?? null, versionsOf],
  });
  const read: CommandRead = { version: 0, events: [], versions: new Map(versionsOf.map((id) => [id, 0])) };
  for (const row of rows) {
    if (row.event_id !== null) read.events.push(decode(row));
    else if (row.event_type === '$snapshot') read.snapshot = { version: Number(row.stream_version), state: row.data };
    else if (row.event_type === '$version') read.versions.set(row.stream_id, Number(row.stream_version));
    else {
      const { hash, result } = row.data as { hash: string; result: Record<string, unknown> };
      read.command = { requestHash: hash, result };
    }
  }
  read.events.sort((x, y) => x.streamVersion - y.streamVersion);
  read.version = read.events.length ? read.events[read.events.length - 1].streamVersion : (read.snapshot?.version ?? 0);
  return read;
}
