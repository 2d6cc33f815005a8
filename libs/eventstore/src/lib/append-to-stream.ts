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

/** Placeholders for the values one statement uses, numbered in the order they are first needed. */
class Params {
  readonly values: unknown[] = [];
  private readonly slots = new Map<string, string>();
  /** Postgres cannot type a parameter nothing refers to: only values the SQL names are sent. */
  slot(name: string, value: () => unknown): string {
    let slot = this.slots.get(name);
    if (!slot) this.slots.set(name, (slot = `$${this.values.push(value())}`));
    return slot;
  }
}

/** The statements that ride on the claim: the idempotency record and the snapshot. */
function sideEffects(options: AppendOptions, streamId: string, $: Params): string {
  const ctes: string[] = [];
  if (options.command) {
    const { commandId, requestHash, result } = options.command;
    ctes.push(`command as (
      insert into es_command_log (command_id, request_hash, stream_id, result)
      select ${$.slot('commandId', () => commandId)}, ${$.slot('requestHash', () => requestHash)}, ${$.slot('streamId', () => streamId)},
             jsonb_set(${$.slot('result', () => JSON.stringify(result))}::jsonb, '{version}', to_jsonb(claim.version))
        from claim)`);
  }
  if (options.snapshot) {
    const { schemaVersion, state } = options.snapshot;
    ctes.push(`snapshot as (
      insert into es_snapshots (stream_id, schema_version, version, state)
      select ${$.slot('streamId', () => streamId)}, ${$.slot('snapshotSchema', () => schemaVersion)}::int, claim.version, ${$.slot('snapshotState', () => JSON.stringify(state))}::jsonb
        from claim
      on conflict (stream_id) do update set schema_version = excluded.schema_version, version = excluded.version, state = excluded.state, updated_at = now()
       where es_snapshots.version < excluded.version or es_snapshots.schema_version <> excluded.schema_version)`);
  }
  return ctes.map((cte) => `, ${cte}`).join('');
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
  const expected = options.expectedVersion;
  const conflict = async () => new WrongExpectedVersionError(streamId, expected, await currentVersion(client, streamId));
  const $ = new Params();
  const claimSlot = (param: ClaimParam) =>
    $.slot(param, () => ({ streamId, streamType, count: events.length, expected })[param]);
  const claim = `with claim as (${claimStatement(expected, claimSlot)})`;
  if (events.length === 0) {
    const sql = `${claim}${sideEffects(options, streamId, $)} select version from claim`;
    const { rows } = await client.query<{ version: string }>(sql, $.values);
    if (rows.length === 0) throw await conflict();
    return { streamId, nextVersion: Number(rows[0].version), events: [] };
  }
  const metadata = JSON.stringify(options.metadata ?? {});
  const data = events.map((e) => JSON.stringify(e.data));
  const ids = events.map((e) => e.eventId ?? randomUUID());
  const s = (name: string, value: () => unknown) => $.slot(name, value);
  // The statement sends the payloads and returns only what the database assigns: the recorded
  // events are built from the JSON sent, as a read would return it.
  const sql = `${claim}${sideEffects(options, streamId, $)}
       insert into es_events (event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
       select e.event_id, ${claimSlot('streamId')}, ${claimSlot('streamType')}, claim.version - ${claimSlot('count')} + e.ord, e.event_type, e.schema_version, e.data, ${s('metadata', () => metadata)}::jsonb
         from claim
         cross join unnest(${s('ids', () => ids)}::uuid[], ${s('types', () => events.map((e) => e.type))}::text[],
                           ${s('schemas', () => events.map((e) => e.schemaVersion ?? 1))}::int[], ${s('data', () => data)}::jsonb[])
              with ordinality as e(event_id, event_type, schema_version, data, ord)
       returning stream_version, global_position, transaction_id::text as transaction_id, recorded_at`;
  let inserted: Pick<EventRow, 'stream_version' | 'global_position' | 'transaction_id' | 'recorded_at'>[];
  try {
    inserted = (await client.query(sql, $.values)).rows;
  } catch (error) {
    // A command id that exists already: the same command appended twice (the version claim
    // passed because it was made on another stream, or with expectedVersion 'any').
    if (isUniqueViolation(error)) throw new WrongExpectedVersionError(streamId, expected, null);
    throw error;
  }
  if (inserted.length === 0) throw await conflict();
  const first = Number(inserted.reduce((min, row) => (Number(row.stream_version) < Number(min) ? row.stream_version : min), inserted[0].stream_version));
  const recorded = inserted
    .map((row) => {
      const i = Number(row.stream_version) - first;
      return decode({
        ...row,
        event_id: ids[i],
        event_type: events[i].type,
        schema_version: events[i].schemaVersion ?? 1,
        data: JSON.parse(data[i]) as Record<string, unknown>,
        metadata: JSON.parse(metadata) as EventMetadata,
        stream_id: streamId,
        stream_type: streamType,
      });
    })
    .sort((x, y) => x.streamVersion - y.streamVersion);
  if (options.inline) await options.inline(client, recorded);
  return { streamId, nextVersion: recorded[recorded.length - 1].streamVersion, events: recorded };
}

async function currentVersion(client: PoolClient, streamId: string): Promise<number | null> {
  const { rows } = await client.query<{ version: string }>('select version from es_streams where stream_id = $1', [streamId]);
  return rows.length ? Number(rows[0].version) : null;
}
