import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { foldRecorded } from './aggregate-stream.js';
import type { Decider } from './decider.js';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './errors.js';
import type { Event, EventMetadata, NewEvent, RecordedEvent } from './event.js';
import type { PostgresEventStore } from './event-store.js';
import { inTransaction } from './pg.js';

export interface CommandOptions<State, Command = unknown> {
  /** Exact version the caller saw (If-Match). Without it a conflict is retried on fresh state. */
  expectedVersion?: number;
  /** Idempotency key: the same key and request give the first result, with no second append. */
  commandId?: string;
  /** The request the key belongs to; a different request under the same key is refused. */
  request?: unknown;
  /** Stored with the events; a function receives the command that was decided. */
  metadata?: EventMetadata | ((command: Command) => EventMetadata);
  /** Builds the JSON result returned to the caller (and stored for idempotent replays). */
  toResult?: (state: State, events: readonly RecordedEvent[]) => Record<string, unknown>;
  /** Effects that must commit with the events (see AppendOptions.inline). */
  inline?: (client: PoolClient, events: RecordedEvent[], state: State) => Promise<void>;
  /** Attempts on a version conflict when no expectedVersion was given. */
  retries?: number;
}

export interface CommandResult {
  streamId: string;
  version: number;
  eventIds: string[];
  /** True when this is the stored answer to an earlier identical command. */
  replayed: boolean;
  data: Record<string, unknown>;
}

export interface StreamSpec<State, Command, E extends Event> {
  streamId: string;
  streamType: string;
  decider: Decider<State, Command, E>;
}

/**
 * What to decide: the command itself, or a function that builds it from the state the handler
 * folded (access checks and lookups that need the aggregate, with no second read). It runs again
 * on fresh state when a conflict is retried; it is not reached when the command is a replay.
 */
export type CommandInput<State, Command> = Command | ((state: State, version: number) => Command | Promise<Command>);

export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
}

/**
 * Read the stream, fold it, decide, append at the version read. The decider stays pure; this is
 * the only place where a command meets the store.
 */
export async function handleCommand<State, Command, E extends Event>(
  store: PostgresEventStore,
  spec: StreamSpec<State, Command, E>,
  command: CommandInput<State, Command>,
  options: CommandOptions<State, Command> = {},
): Promise<CommandResult> {
  const hash = requestHash(options.request ?? (typeof command === 'function' ? null : command));
  if (options.commandId) {
    const earlier = await findCommand(store, options.commandId, hash);
    if (earlier) return earlier;
  }
  const attempts = options.expectedVersion === undefined ? (options.retries ?? 3) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await decideAndAppend(store, spec, command, options, hash);
    } catch (error) {
      // The same command may have committed concurrently (a client retry racing the original):
      // whatever this attempt ran into, the first result is the answer.
      if (options.commandId) {
        const earlier = await findCommand(store, options.commandId, hash);
        if (earlier) return earlier;
      }
      if (error instanceof WrongExpectedVersionError && attempt < attempts) continue;
      throw error;
    }
  }
}

async function decideAndAppend<State, Command, E extends Event>(
  store: PostgresEventStore,
  spec: StreamSpec<State, Command, E>,
  input: CommandInput<State, Command>,
  options: CommandOptions<State, Command>,
  hash: string,
): Promise<CommandResult> {
  const current = await store.readStream(spec.streamId);
  let state = foldRecorded(spec.decider, current.events);
  // Built before the version check: a hook's access check answers first (an unseen stream stays unseen).
  const command = typeof input === 'function' ? await (input as (s: State, v: number) => Command | Promise<Command>)(state, current.version) : (input as Command);
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    throw new WrongExpectedVersionError(spec.streamId, options.expectedVersion, current.version || null);
  }
  const decided = spec.decider.decide(command, state);
  for (const event of decided) state = spec.decider.evolve(state, event);

  const events = decided.map((e): NewEvent => ({ type: e.type, data: e.data }));
  const appendOptions = {
    expectedVersion: current.version === 0 ? ('no_stream' as const) : current.version,
    metadata: typeof options.metadata === 'function' ? options.metadata(command) : options.metadata,
    inline: options.inline ? (c: PoolClient, recorded: RecordedEvent[]) => options.inline!(c, recorded, state) : undefined,
  };
  const resultOf = (appended: { nextVersion: number; events: RecordedEvent[] }): CommandResult => ({
    streamId: spec.streamId,
    version: appended.nextVersion,
    eventIds: appended.events.map((e) => e.eventId),
    replayed: false,
    data: options.toResult ? options.toResult(state, appended.events) : {},
  });

  // Nothing else to commit with the events: the append is one statement, one round trip.
  if (!options.commandId && !options.inline) {
    return resultOf(await store.appendToStream(spec.streamId, spec.streamType, events, appendOptions));
  }
  return inTransaction(store.pool, async (client) => {
    const result = resultOf(await store.appendWithin(client, spec.streamId, spec.streamType, events, appendOptions));
    if (options.commandId) {
      await client.query(
        'insert into es_command_log (command_id, request_hash, stream_id, result) values ($1, $2, $3, $4::jsonb)',
        [options.commandId, hash, spec.streamId, JSON.stringify(result)],
      );
    }
    return result;
  });
}

/** The stored result of an earlier command with this id, or null; a different request under it is refused. */
export async function findCommandResult(store: PostgresEventStore, commandId: string, request: unknown): Promise<CommandResult | null> {
  return findCommand(store, commandId, requestHash(request));
}

async function findCommand(store: PostgresEventStore, commandId: string, hash: string): Promise<CommandResult | null> {
  const { rows } = await store.pool.query<{ request_hash: string; result: CommandResult }>(
    'select request_hash, result from es_command_log where command_id = $1',
    [commandId],
  );
  if (rows.length === 0) return null;
  if (rows[0].request_hash !== hash) throw new IdempotencyKeyReusedError(commandId);
  return { ...rows[0].result, replayed: true };
}
