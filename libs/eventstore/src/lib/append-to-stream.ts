import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { WrongExpectedVersionError } from './errors.js';
import type { EventMetadata, NewEvent, RecordedEvent } from './event.js';
import { EVENT_COLUMNS, type EventDecoder, type EventRow } from './event-rows.js';
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
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (1-based; 0 means no events). */
  nextVersion: number;
  events: RecordedEvent[];
}

type ClaimParam = 'streamId' | 'streamType' | 'count' | 'expected';

/**
 * The version claim: sets the stream's version to the version it is expected at plus `count`
 * events and returns the new version, or no row when the expectation does not hold. `$` names
 * the placeholder of each value the statement uses.
 */
function claimStatement(expected: ExpectedVersion, $: (param: ClaimParam) => string): string {
  if (expected === 'no_stream' || expected === 0) {
    return `insert into es_streams (stream_id, stream_type, version) values (${$('streamId')}, ${$('streamType')}, ${$('count')})
            on conflict (stream_id) do nothing returning version`;
  }
  if (expected === 'any') {
    return `insert into es_streams (stream_id, stream_type, version) values (${$('streamId')}, ${$('streamType')}, ${$('count')})
            on conflict (stream_id) do update set version = es_streams.version + ${$('count')}, updated_at = now()
            returning version`;
  }
  if (expected === 'stream_exists') {
    return `update es_streams set version = version + ${$('count')}, updated_at = now() where stream_id = ${$('streamId')} returning version`;
  }
  return `update es_streams set version = ${$('expected')} + ${$('count')}::bigint, updated_at = now()
          where stream_id = ${$('streamId')} and version = ${$('expected')} returning version`;
}

/**
 * Appends on the caller's connection (inside its transaction, if it has one). Claiming the
 * stream version and inserting the events is a single statement: the version check and the
 * rows cannot be separated, and a conflict leaves the caller's transaction usable (the actual
 * version is then read on the same connection, never a second pooled one: that can starve the pool).
 */
export async function appendWithin(
  client: PoolClient,
  decode: EventDecoder,
  streamId: string,
  streamType: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  const expected = options.expectedVersion;
  const exact = typeof expected === 'number' && expected !== 0 ? [expected] : [];
  const conflict = async () => new WrongExpectedVersionError(streamId, expected, await currentVersion(client, streamId));
  if (events.length === 0) {
    // Only the values the claim uses are sent: Postgres cannot type a parameter nothing refers to.
    const values: unknown[] = [];
    const slots = new Map<ClaimParam, string>();
    const slot = (param: ClaimParam) => {
      if (!slots.has(param)) slots.set(param, `$${values.push({ streamId, streamType, count: 0, expected }[param])}`);
      return slots.get(param)!;
    };
    const { rows } = await client.query<{ version: string }>(`with claim as (${claimStatement(expected, slot)}) select version from claim`, values);
    if (rows.length === 0) throw await conflict();
    return { streamId, nextVersion: Number(rows[0].version), events: [] };
  }
  const count = events.length;
  const params: unknown[] = [
    streamId,
    streamType,
    count,
    JSON.stringify(options.metadata ?? {}),
    events.map((e) => e.eventId ?? randomUUID()),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion ?? 1),
    events.map((e) => JSON.stringify(e.data)),
    ...exact,
  ];
  let inserted: EventRow[];
  try {
    const result = await client.query<EventRow>(
      `with claim as (${claimStatement(expected, (param) => ({ streamId: '$1', streamType: '$2', count: '$3', expected: '$9' })[param])})
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
  if (inserted.length === 0) throw await conflict();
  const recorded = inserted.map(decode).sort((x, y) => x.streamVersion - y.streamVersion);
  if (options.inline) await options.inline(client, recorded);
  return { streamId, nextVersion: recorded[recorded.length - 1].streamVersion, events: recorded };
}

async function currentVersion(client: PoolClient, streamId: string): Promise<number | null> {
  const { rows } = await client.query<{ version: string }>('select version from es_streams where stream_id = $1', [streamId]);
  return rows.length ? Number(rows[0].version) : null;
}
