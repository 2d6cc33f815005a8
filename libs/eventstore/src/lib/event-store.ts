import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { WrongExpectedVersionError } from './errors.js';
import type { EventMetadata, NewEvent, RecordedEvent } from './event.js';
import type { ExpectedVersion } from './expected-version.js';
import { inTransaction, isUniqueViolation, withClient } from './pg.js';
import { LOG_START, type LogPosition } from './position.js';
import { UpcasterChain, type Upcaster } from './upcasting.js';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  metadata?: EventMetadata;
  /**
   * Effects that must commit atomically with the events, such as a uniqueness index
   * (an inline projection). Throwing aborts the append.
   */
  inline?: (client: PoolClient, events: RecordedEvent[]) => Promise<void>;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (1-based; 0 means no events). */
  nextVersion: number;
  events: RecordedEvent[];
}

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

interface EventRow {
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

const EVENT_COLUMNS = `event_id, event_type, schema_version, data, metadata, stream_id, stream_type,
  stream_version, global_position, transaction_id::text as transaction_id, recorded_at`;

/**
 * The Postgres event store of one service: streams with optimistic concurrency, and a global
 * reader that never skips a late commit (it only reads below the oldest running transaction).
 */
export class PostgresEventStore {
  private readonly upcasters: UpcasterChain;

  constructor(
    readonly pool: Pool,
    options: { upcasters?: readonly Upcaster[] } = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
  }

  async appendToStream(
    streamId: string,
    streamType: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (options.inline) {
      return inTransaction(this.pool, (client) => this.appendWithin(client, streamId, streamType, events, options));
    }
    // One statement is its own transaction: one round trip, no BEGIN/COMMIT.
    return withClient(this.pool, (client) => this.appendWithin(client, streamId, streamType, events, options));
  }

  /**
   * Appends on the caller's connection (inside its transaction, if it has one). Claiming the
   * stream version and inserting the events is a single statement: the version check and the
   * rows cannot be separated, and a conflict leaves the caller's transaction usable.
   */
  async appendWithin(
    client: PoolClient,
    streamId: string,
    streamType: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const count = events.length;
    if (count === 0) {
      const start = await this.claimVersions(client, streamId, streamType, 0, options.expectedVersion);
      return { streamId, nextVersion: start, events: [] };
    }
    const expected = options.expectedVersion;
    const params: unknown[] = [
      streamId,
      streamType,
      count,
      JSON.stringify(options.metadata ?? {}),
      events.map((e) => e.eventId ?? randomUUID()),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion ?? 1),
      events.map((e) => JSON.stringify(e.data)),
    ];
    let claim: string;
    if (expected === 'no_stream' || expected === 0) {
      claim = `insert into es_streams (stream_id, stream_type, version) values ($1, $2, $3)
               on conflict (stream_id) do nothing returning version`;
    } else if (expected === 'any') {
      claim = `insert into es_streams (stream_id, stream_type, version) values ($1, $2, $3)
               on conflict (stream_id) do update set version = es_streams.version + $3, updated_at = now()
               returning version`;
    } else if (expected === 'stream_exists') {
      claim = 'update es_streams set version = version + $3, updated_at = now() where stream_id = $1 returning version';
    } else {
      params.push(expected);
      claim = 'update es_streams set version = $9 + $3::bigint, updated_at = now() where stream_id = $1 and version = $9 returning version';
    }
    let inserted: EventRow[];
    try {
      const result = await client.query<EventRow>(
        `with claim as (${claim})
         insert into es_events (event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
         select e.event_id, $1, $2, claim.version - $3 + e.ord, e.event_type, e.schema_version, e.data, $4::jsonb
           from claim
           cross join unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[]) with ordinality as e(event_id, event_type, schema_version, data, ord)
         returning ${EVENT_COLUMNS}`,
        params,
      );
      inserted = result.rows;
    } catch (error) {
      // An event id that exists already: the same event appended twice.
      if (isUniqueViolation(error)) throw new WrongExpectedVersionError(streamId, expected, null);
      throw error;
    }
    if (inserted.length === 0) {
      throw new WrongExpectedVersionError(streamId, expected, await this.currentVersion(client, streamId));
    }
    const recorded = inserted.map((row) => this.toRecorded(row)).sort((x, y) => x.streamVersion - y.streamVersion);
    if (options.inline) await options.inline(client, recorded);
    return { streamId, nextVersion: recorded[recorded.length - 1].streamVersion, events: recorded };
  }

  /**
   * Sets the stream's new version according to the expectation; returns the version before the
   * append. Conflicts are detected without aborting the transaction, so the actual version can
   * be read on the same connection (never a second pooled one: that can starve the pool).
   */
  private async claimVersions(
    client: PoolClient,
    streamId: string,
    streamType: string,
    count: number,
    expected: ExpectedVersion,
  ): Promise<number> {
    const conflict = async () => new WrongExpectedVersionError(streamId, expected, await this.currentVersion(client, streamId));

    if (expected === 'no_stream' || expected === 0) {
      const { rows } = await client.query(
        `insert into es_streams (stream_id, stream_type, version) values ($1, $2, $3)
         on conflict (stream_id) do nothing returning version`,
        [streamId, streamType, count],
      );
      if (rows.length === 0) throw await conflict();
      return 0;
    }
    if (expected === 'any') {
      const { rows } = await client.query<{ version: string }>(
        `insert into es_streams (stream_id, stream_type, version) values ($1, $2, $3)
         on conflict (stream_id) do update set version = es_streams.version + $3, updated_at = now()
         returning version`,
        [streamId, streamType, count],
      );
      return Number(rows[0].version) - count;
    }
    if (expected === 'stream_exists') {
      const { rows } = await client.query<{ version: string }>(
        'update es_streams set version = version + $2, updated_at = now() where stream_id = $1 returning version',
        [streamId, count],
      );
      if (rows.length === 0) throw await conflict();
      return Number(rows[0].version) - count;
    }
    const { rowCount } = await client.query(
      'update es_streams set version = $2 + $3::bigint, updated_at = now() where stream_id = $1 and version = $2',
      [streamId, expected, count],
    );
    if (rowCount === 0) throw await conflict();
    return expected;
  }

  private async currentVersion(client: PoolClient, streamId: string): Promise<number | null> {
    const { rows } = await client.query<{ version: string }>('select version from es_streams where stream_id = $1', [streamId]);
    return rows.length ? Number(rows[0].version) : null;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StreamRead> {
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
    const { rows } = await this.pool.query<EventRow>(
      `select ${EVENT_COLUMNS} from es_events where stream_id = $1${filter} order by stream_version`,
      params,
    );
    const events = rows.map((row) => this.toRecorded(row));
    return { streamId, version: events.length ? events[events.length - 1].streamVersion : 0, events };
  }

  /** Several whole streams in one round trip (e.g. everything a batch of events belongs to). */
  async readStreams(streamIds: readonly string[], options: Pick<ReadStreamOptions, 'asOf'> = {}): Promise<Map<string, StreamRead>> {
    const params: unknown[] = [[...new Set(streamIds)]];
    let filter = '';
    if (options.asOf) {
      params.push(options.asOf);
      filter = ` and recorded_at <= $2`;
    }
    const { rows } = await this.pool.query<EventRow>(
      `select ${EVENT_COLUMNS} from es_events where stream_id = any($1)${filter} order by stream_id, stream_version`,
      params,
    );
    const reads = new Map<string, StreamRead>(streamIds.map((id) => [id, { streamId: id, version: 0, events: [] }]));
    for (const row of rows) {
      const read = reads.get(row.stream_id)!;
      const event = this.toRecorded(row);
      read.events.push(event);
      read.version = event.streamVersion;
    }
    return reads;
  }

  /**
   * Reads events after `after` in (transaction id, global position) order, only from transactions
   * older than every transaction still running, so a slow commit can never be skipped.
   */
  async readAll(after: LogPosition = LOG_START, limit = 500, client?: PoolClient): Promise<RecordedEvent[]> {
    const runner = client ?? this.pool;
    const { rows } = await runner.query<EventRow>(
      `select ${EVENT_COLUMNS} from es_events
        where (transaction_id, global_position) > ($1::xid8, $2::bigint)
          and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        order by transaction_id, global_position
        limit $3`,
      [after.transactionId, after.globalPosition, limit],
    );
    return rows.map((row) => this.toRecorded(row));
  }

  /**
   * The next events for a processor, read from its stored checkpoint in the same statement (one
   * round trip per poll). Returns the checkpoint it read from, for the compare-and-set.
   */
  async readAllForProcessor(processorId: string, limit = 500): Promise<{ from: LogPosition; events: RecordedEvent[] }> {
    const { rows } = await this.pool.query<EventRow & { from_t: string; from_p: string }>(
      `with c as (
         select coalesce((select last_transaction_id from es_checkpoints where processor_id = $1), '0'::xid8) as t,
                coalesce((select last_global_position from es_checkpoints where processor_id = $1), 0) as p
       )
       select ${EVENT_COLUMNS}, c.t::text as from_t, c.p::text as from_p
         from c left join lateral (
           select * from es_events e
            where (e.transaction_id, e.global_position) > (c.t, c.p)
              and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            order by e.transaction_id, e.global_position
            limit $2
         ) ev on true
        order by ev.transaction_id, ev.global_position`,
      [processorId, limit],
    );
    const from = { transactionId: rows[0].from_t, globalPosition: rows[0].from_p };
    return { from, events: rows.filter((row) => row.event_id !== null).map((row) => this.toRecorded(row)) };
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const { data, schemaVersion } = this.upcasters.apply(row.event_type, row.schema_version, row.data);
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
  }
}
