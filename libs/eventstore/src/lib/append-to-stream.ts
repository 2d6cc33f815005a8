import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { WrongExpectedVersionError } from './errors.js';
import type { EventMetadata, NewEvent, RecordedEvent } from './event.js';
import type { EventDecoder, EventRow } from './event-rows.js';
import type { ExpectedVersion } from './expected-version.js';
import { isUniqueViolation } from './pg.js';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  metadata?: EventMetadata;
  /**
   * Effects that must commit atomically with the events, such as a uniqueness index
   * (an inline projection). Throwing aborts the append.
   */
  inline?: (client: PoolClient, events: RecordedEvent[]) => Promise<void>;
  /**
   * The idempotency record of the command that decided these events, written by the same
   * statement (its `result.version` is set to the stream's new version). A second record under
   * the same id fails the whole append with a unique violation.
   */
  command?: { commandId: string; requestHash: string; result: Record<string, unknown> };
  /** The stream's state after these events, stored as its snapshot by the same statement. */
  snapshot?: { schemaVersion: number; state: unknown };
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (1-based; 0 means no events). */
  nextVersion: number;
  events: RecordedEvent[];
}

/** One append of a statement: its stream, events and options. */
export interface AppendRequest {
  streamId: string;
  streamType: string;
  events: readonly NewEvent[];
  options: AppendOptions;
}

/**
 * The append statement for any number of appends to distinct streams. Its text never changes,
 * so each connection prepares it once (a statement of many CTEs costs more to plan than to run).
 * Per append ($1–$5, $12): the stream, its type, how many events, the expected version and how
 * to claim it, the metadata. Per event ($6–$11): the append it belongs to (1-based), id, type,
 * schema, data and order. Idempotency records ($13–$16) and snapshots ($17–$19) name their
 * append the same way. The claim: a new stream is inserted (no_stream), a stream at any version
 * is upserted (any), an existing one updated if it is where the append expects it (exact,
 * exists). An append without a claim row did not hold its expectation; nothing of it is written.
 */
export const APPEND_SQL = `with req as (
    select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $12::jsonb[])
      with ordinality as r(stream_id, stream_type, n, expected, mode, metadata, i)
  ),
  created as (
    insert into es_streams (stream_id, stream_type, version)
    select stream_id, stream_type, n from req where mode = 'no_stream'
    on conflict (stream_id) do nothing
    returning stream_id, version
  ),
  upserted as (
    insert into es_streams (stream_id, stream_type, version)
    select stream_id, stream_type, n from req where mode = 'any'
    on conflict (stream_id) do update set version = es_streams.version + excluded.version, updated_at = now()
    returning stream_id, version
  ),
  updated as (
    update es_streams s set version = s.version + r.n, updated_at = now()
      from req r
     where s.stream_id = r.stream_id and (r.mode = 'exists' or (r.mode = 'exact' and s.version = r.expected))
    returning s.stream_id, s.version
  ),
  claim as (
    select r.i, r.stream_id, r.stream_type, r.n, r.metadata, c.version
      from req r join (select * from created union all select * from upserted union all select * from updated) c using (stream_id)
  ),
  command as (
    insert into es_command_log (command_id, request_hash, stream_id, result)
    select k.command_id, k.request_hash, claim.stream_id, jsonb_set(k.result, '{version}', to_jsonb(claim.version))
      from unnest($13::int[], $14::text[], $15::text[], $16::jsonb[]) as k(i, command_id, request_hash, result) join claim using (i)
  ),
  snapshot as (
    insert into es_snapshots (stream_id, schema_version, version, state)
    select claim.stream_id, p.schema_version, claim.version, p.state
      from unnest($17::int[], $18::int[], $19::jsonb[]) as p(i, schema_version, state) join claim using (i)
    on conflict (stream_id) do update set schema_version = excluded.schema_version, version = excluded.version, state = excluded.state, updated_at = now()
     where es_snapshots.version < excluded.version or es_snapshots.schema_version <> excluded.schema_version
  ),
  inserted as (
    insert into es_events (event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
    select e.event_id, claim.stream_id, claim.stream_type, claim.version - claim.n + e.ord, e.event_type, e.schema_version, e.data, claim.metadata
      from unnest($6::int[], $7::uuid[], $8::text[], $9::int[], $10::jsonb[], $11::int[]) as e(i, event_id, event_type, schema_version, data, ord)
      join claim using (i)
     order by e.i, e.ord
    returning stream_id, stream_version, global_position, transaction_id::text as transaction_id, recorded_at
  )
  select claim.i, claim.version as claimed, ins.stream_version, ins.global_position, ins.transaction_id, ins.recorded_at
    from claim left join inserted ins on ins.stream_id = claim.stream_id`;

/** How an append claims its stream's version (see APPEND_SQL). */
function claimMode(expected: ExpectedVersion): { mode: 'no_stream' | 'any' | 'exists' | 'exact'; expected: number | null } {
  if (expected === 'no_stream' || expected === 0) return { mode: 'no_stream', expected: null };
  if (expected === 'any') return { mode: 'any', expected: null };
  if (expected === 'stream_exists') return { mode: 'exists', expected: null };
  return { mode: 'exact', expected };
}

/** What one append sends, kept to build its recorded events from what the database returns. */
interface AppendPart {
  request: AppendRequest;
  ids: string[];
  data: string[];
  metadata: string;
}

/** The parameters of APPEND_SQL for these appends. */
function appendParams(requests: readonly AppendRequest[]): { values: unknown[]; parts: AppendPart[] } {
  const v = Array.from({ length: 19 }, () => [] as unknown[]);
  const parts = requests.map((request, index) => {
    const i = index + 1;
    const { streamId, streamType, events, options } = request;
    const claim = claimMode(options.expectedVersion);
    const metadata = JSON.stringify(options.metadata ?? {});
    const data = events.map((e) => JSON.stringify(e.data));
    const ids = events.map((e) => e.eventId ?? randomUUID());
    v[0].push(streamId);
    v[1].push(streamType);
    v[2].push(events.length);
    v[3].push(claim.expected);
    v[4].push(claim.mode);
    v[11].push(metadata);
    events.forEach((e, ord) => {
      v[5].push(i);
      v[6].push(ids[ord]);
      v[7].push(e.type);
      v[8].push(e.schemaVersion ?? 1);
      v[9].push(data[ord]);
      v[10].push(ord + 1);
    });
    if (options.command) {
      v[12].push(i);
      v[13].push(options.command.commandId);
      v[14].push(options.command.requestHash);
      v[15].push(JSON.stringify(options.command.result));
    }
    if (options.snapshot) {
      v[16].push(i);
      v[17].push(options.snapshot.schemaVersion);
      v[18].push(JSON.stringify(options.snapshot.state));
    }
    return { request, ids, data, metadata };
  });
  return { values: v, parts };
}

type InsertedRow = Pick<EventRow, 'stream_version' | 'global_position' | 'transaction_id' | 'recorded_at'> & { i: string; claimed: string };

/** The recorded events of one append, from the rows the database returned for it. */
function recordedOf(part: AppendPart, decode: EventDecoder, inserted: InsertedRow[]): RecordedEvent[] {
  const { streamId, streamType, events } = part.request;
  const first = inserted.reduce((min, row) => Math.min(min, Number(row.stream_version)), Number.MAX_SAFE_INTEGER);
  return inserted
    .map((row) => {
      const i = Number(row.stream_version) - first;
      return decode({
        stream_version: row.stream_version,
        global_position: row.global_position,
        transaction_id: row.transaction_id,
        recorded_at: row.recorded_at,
        event_id: part.ids[i],
        event_type: events[i].type,
        schema_version: events[i].schemaVersion ?? 1,
        data: JSON.parse(part.data[i]) as Record<string, unknown>,
        metadata: JSON.parse(part.metadata) as EventMetadata,
        stream_id: streamId,
        stream_type: streamType,
      });
    })
    .sort((x, y) => x.streamVersion - y.streamVersion);
}

/**
 * Appends on the caller's connection (inside its transaction, if it has one). Claiming the
 * stream version, inserting the events, and writing the command's idempotency record and the
 * stream's snapshot are a single statement: one round trip, and the version check and the rows
 * cannot be separated. A conflict leaves the caller's transaction usable (the actual version is
 * then read on the same connection, never a second pooled one: that can starve the pool).
 */
export async function appendWithin(
  client: PoolClient,
  decode: EventDecoder,
  streamId: string,
  streamType: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  const request = { streamId, streamType, events, options };
  const [outcome] = await appendMany(client, decode, [request]);
  if (outcome instanceof Error) throw outcome;
  if (options.inline) await options.inline(client, outcome.events);
  return outcome;
}

/**
 * Appends to several streams in one statement, so in one transaction (group commit): each
 * append keeps its own version claim, idempotency record and snapshot. An append whose claim
 * fails gets its WrongExpectedVersionError and the others are kept. The streams must differ
 * (two claims of one row in one statement are not ordered). A unique violation (a command id
 * already used) fails the whole statement: it is thrown, for the caller to append one by one.
 */
export async function appendMany(client: PoolClient, decode: EventDecoder, requests: readonly AppendRequest[]): Promise<(AppendResult | WrongExpectedVersionError)[]> {
  const { values, parts } = appendParams(requests);
  let rows: InsertedRow[];
  try {
    rows = (await client.query<InsertedRow>({ name: 'es_append_v1', text: APPEND_SQL, values })).rows;
  } catch (error) {
    // A command id that exists already: the same command appended twice (the version claim
    // passed because it was made on another stream, or with expectedVersion 'any').
    if (isUniqueViolation(error) && requests.length === 1) throw new WrongExpectedVersionError(requests[0].streamId, requests[0].options.expectedVersion, null);
    throw error;
  }
  const byAppend = new Map<number, InsertedRow[]>();
  for (const row of rows) {
    const i = Number(row.i) - 1;
    const of = byAppend.get(i);
    if (of) of.push(row);
    else byAppend.set(i, [row]);
  }
  const outcomes: (AppendResult | WrongExpectedVersionError)[] = [];
  for (const [i, part] of parts.entries()) {
    const { streamId, options, events } = part.request;
    const inserted = byAppend.get(i);
    if (!inserted) {
      outcomes.push(new WrongExpectedVersionError(streamId, options.expectedVersion, await currentVersion(client, streamId)));
    } else if (events.length === 0) {
      outcomes.push({ streamId, nextVersion: Number(inserted[0].claimed), events: [] });
    } else {
      const recorded = recordedOf(part, decode, inserted);
      outcomes.push({ streamId, nextVersion: recorded[recorded.length - 1].streamVersion, events: recorded });
    }
  }
  return outcomes;
}

async function currentVersion(client: PoolClient, streamId: string): Promise<number | null> {
  const { rows } = await client.query<{ version: string }>('select version from es_streams where stream_id = $1', [streamId]);
  return rows.length ? Number(rows[0].version) : null;
}
