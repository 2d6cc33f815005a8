import { createHash, randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { foldRecorded } from './aggregate-stream.js';
import type { Decider } from './decider.js';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './errors.js';
import type { Event, EventMetadata, NewEvent, RecordedEvent } from './event.js';
import type { PostgresEventStore } from './event-store.js';
import type { AppendOptions } from './append-to-stream.js';

export interface CommandOptions<State, Command = unknown> {
  /** Exact version the caller saw (If-Match). Without it a conflict is retried on fresh state. */
  expectedVersion?: number;
  /** Idempotency key: the same key and request give the first result, with no second append. */
  commandId?: string;
  /** The request the key belongs to; a different request under the same key is refused. */
  request?: unknown;
  /** Stored with the events; a function receives the command that was decided. */
  metadata?: EventMetadata | ((command: Command) => EventMetadata);
  /**
   * Builds the JSON result returned to the caller (and stored for idempotent replays) from the
   * state after the command and the events it decided (built before they are appended).
   */
  toResult?: (state: State, events: readonly NewEvent[]) => Record<string, unknown>;
  /** Effects that must commit with the events (see AppendOptions.inline). */
  inline?: (client: PoolClient, events: RecordedEvent[], state: State) => Promise<void>;
  /** Told what the command read before deciding (snapshot version, events folded). */
  onLoad?: (load: CommandLoad) => void;
  /** Attempts on a version conflict when no expectedVersion was given. */
  retries?: number;
  /**
   * Other streams whose current versions the command builder receives (read in the same
   * statement as the stream): to check what the builder keeps in a cache without another round trip.
   */
  versionsOf?: readonly string[];
}

export interface CommandResult {
  streamId: string;
  version: number;
  eventIds: string[];
  /** True when this is the stored answer to an earlier identical command. */
  replayed: boolean;
  data: Record<string, unknown>;
}

/**
 * How a stream's folded state is kept as a snapshot, so a command reads only the events after it.
 * Raise `schemaVersion` whenever the state's shape or its evolve changes: snapshots of another
 * schema are ignored (the stream is folded from its first event) and replaced by the next command.
 */
export interface SnapshotPolicy<State> {
  schemaVersion: number;
  /** A new snapshot once this many events follow the last one (default 100). */
  every?: number;
  /** State → JSON (default: the state itself, which must then be plain JSON). */
  encode?: (state: State) => unknown;
  decode?: (json: unknown) => State;
}

export interface StreamSpec<State, Command, E extends Event> {
  streamId: string;
  streamType: string;
  decider: Decider<State, Command, E>;
  snapshot?: SnapshotPolicy<State>;
}

/** What a command read before deciding (for metrics and tests: the cost of a command). */
export interface CommandLoad {
  /** Version of the snapshot the fold started from; 0 when it started from the first event. */
  snapshotVersion: number;
  eventsRead: number;
}

/**
 * What to decide: the command itself, or a function that builds it from the state the handler
 * folded (access checks and lookups that need the aggregate, with no second read). It runs again
 * on fresh state when a conflict is retried; it is not reached when the command is a replay.
 */
export type CommandInput<State, Command> = Command | ((state: State, version: number, read: CommandContext) => Command | Promise<Command>);

/** What the command read besides its stream. */
export interface CommandContext {
  /** The current version of each stream named in `versionsOf`. */
  versions: ReadonlyMap<string, number>;
}

export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
}

/**
 * Read the stream (after its snapshot, with the command's idempotency record: one round trip),
 * fold it, decide, append at the version read with the idempotency record and the next snapshot
 * (one statement). The decider stays pure; this is the only place where a command meets the store.
 */
export async function handleCommand<State, Command, E extends Event>(
  store: PostgresEventStore,
  spec: StreamSpec<State, Command, E>,
  command: CommandInput<State, Command>,
  options: CommandOptions<State, Command> = {},
): Promise<CommandResult> {
  const hash = requestHash(options.request ?? (typeof command === 'function' ? null : command));
  const attempts = options.expectedVersion === undefined ? (options.retries ?? 3) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await decideAndAppend(store, spec, command, options, hash);
    } catch (error) {
      // The same command may have committed concurrently (a client retry racing the original):
      // whatever this attempt ran into, the first result is the answer.
      if (options.commandId && !(error instanceof IdempotencyKeyReusedError)) {
        const earlier = await findCommand(store, options.commandId, hash);
        if (earlier) return earlier;
      }
      if (error instanceof WrongExpectedVersionError && attempt < attempts) continue;
      throw error;
    }
  }
}

function replayOf(commandId: string, hash: string, stored: { requestHash: string; result: Record<string, unknown> }): CommandResult {
  if (stored.requestHash !== hash) throw new IdempotencyKeyReusedError(commandId);
  return { ...(stored.result as unknown as CommandResult), replayed: true };
}

async function decideAndAppend<State, Command, E extends Event>(
  store: PostgresEventStore,
  spec: StreamSpec<State, Command, E>,
  input: CommandInput<State, Command>,
  options: CommandOptions<State, Command>,
  hash: string,
): Promise<CommandResult> {
  const policy = spec.snapshot;
  const current = await store.readForCommand(spec.streamId, {
    snapshotSchema: policy?.schemaVersion,
    commandId: options.commandId,
    versionsOf: options.versionsOf,
  });
  if (options.commandId && current.command) return replayOf(options.commandId, hash, current.command);
  const base = current.snapshot && policy ? (policy.decode ? policy.decode(current.snapshot.state) : (current.snapshot.state as State)) : undefined;
  let state = foldRecorded(spec.decider, current.events, base);
  options.onLoad?.({ snapshotVersion: current.snapshot?.version ?? 0, eventsRead: current.events.length });
  // Built before the version check: a hook's access check answers first (an unseen stream stays unseen).
  const command =
    typeof input === 'function'
      ? await (input as (s: State, v: number, c: CommandContext) => Command | Promise<Command>)(state, current.version, { versions: current.versions })
      : (input as Command);
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    throw new WrongExpectedVersionError(spec.streamId, options.expectedVersion, current.version || null);
  }
  const decided = spec.decider.decide(command, state);
  for (const event of decided) state = spec.decider.evolve(state, event);

  const events = decided.map((e): NewEvent => ({ type: e.type, data: e.data, eventId: randomUUID() }));
  const nextVersion = current.version + events.length;
  // The reply is known before the append (the events' ids are chosen here); the statement that
  // appends also stores it as the idempotency record.
  const result: CommandResult = {
    streamId: spec.streamId,
    version: nextVersion,
    eventIds: events.map((e) => e.eventId!),
    replayed: false,
    data: options.toResult ? options.toResult(state, events) : {},
  };
  const snapshotBase = current.snapshot?.version ?? 0;
  const appendOptions: AppendOptions = {
    expectedVersion: current.version === 0 ? 'no_stream' : current.version,
    metadata: typeof options.metadata === 'function' ? options.metadata(command) : options.metadata,
    inline: options.inline ? (c: PoolClient, recorded: RecordedEvent[]) => options.inline!(c, recorded, state) : undefined,
    command: options.commandId ? { commandId: options.commandId, requestHash: hash, result: result as unknown as Record<string, unknown> } : undefined,
    snapshot:
      policy && events.length > 0 && nextVersion - snapshotBase >= (policy.every ?? 100)
        ? { schemaVersion: policy.schemaVersion, state: policy.encode ? policy.encode(state) : state }
        : undefined,
  };
  const appended = await store.appendToStream(spec.streamId, spec.streamType, events, appendOptions);
  return { ...result, version: appended.nextVersion };
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
