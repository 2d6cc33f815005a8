import type { PoolClient } from 'pg';
import {
  findCommandResult,
  inTransaction,
  requestHash,
  WrongExpectedVersionError,
  type Decider,
  type Event,
  type EventMetadata,
  type PostgresEventStore,
  type RecordedEvent,
} from '@cs/eventstore';

export interface StreamRef<S, C, E extends Event> {
  streamId: string;
  streamType: string;
  decider: Decider<S, C, E>;
}

interface Loaded {
  ref: StreamRef<unknown, unknown, Event>;
  version: number;
  state: unknown;
  pending: Event[];
}

/**
 * One command that moves several aggregates at once (a dispatch moves the request, the HQ ledger
 * and the store ledger of each SKU). Each aggregate keeps its own pure decider; the unit reads
 * each stream once, runs the deciders in order, and appends every stream in one Postgres
 * transaction, each at the version it read. A concurrent writer to any of them makes the whole
 * unit fail with a version conflict, and it is run again on fresh state.
 */
export class UnitOfWork {
  private readonly streams = new Map<string, Loaded>();

  constructor(private readonly store: PostgresEventStore) {}

  async load<S, C, E extends Event>(ref: StreamRef<S, C, E>): Promise<S> {
    const known = this.streams.get(ref.streamId);
    if (known) return known.state as S;
    const read = await this.store.readStream(ref.streamId);
    let state = ref.decider.initialState();
    for (const e of read.events) state = ref.decider.evolve(state, e as unknown as E);
    this.streams.set(ref.streamId, { ref: ref as unknown as Loaded['ref'], version: read.version, state, pending: [] });
    return state;
  }

  /** Runs the aggregate's decider on its current state (pending events included) and queues the events. */
  async decide<S, C, E extends Event>(ref: StreamRef<S, C, E>, command: C): Promise<E[]> {
    const state = await this.load(ref);
    const loaded = this.streams.get(ref.streamId)!;
    const events = ref.decider.decide(command, state);
    let next: S = state;
    for (const e of events) next = ref.decider.evolve(next, e);
    loaded.state = next;
    loaded.pending.push(...events);
    return events;
  }

  version(streamId: string): number {
    return this.streams.get(streamId)?.version ?? 0;
  }

  /** The stream's version once this unit commits. */
  nextVersion(streamId: string): number {
    const s = this.streams.get(streamId);
    return s ? s.version + s.pending.length : 0;
  }

  async commit(client: PoolClient, metadata: EventMetadata): Promise<RecordedEvent[]> {
    const recorded: RecordedEvent[] = [];
    // a fixed order keeps lock acquisition on es_streams deadlock-free between concurrent units
    const writes = [...this.streams.values()].filter((s) => s.pending.length).sort((a, b) => (a.ref.streamId < b.ref.streamId ? -1 : 1));
    for (const s of writes) {
      const appended = await this.store.appendWithin(
        client,
        s.ref.streamId,
        s.ref.streamType,
        s.pending.map((e) => ({ type: e.type, data: e.data })),
        { expectedVersion: s.version === 0 ? 'no_stream' : s.version, metadata },
      );
      recorded.push(...appended.events);
    }
    return recorded;
  }
}

export interface UnitOptions {
  /** The caller's If-Match, checked against `primaryStreamId`. */
  expectedVersion?: number;
  /** Idempotency: the same id and request give the stored reply without a second append. */
  commandId?: string;
  request?: unknown;
  metadata: EventMetadata;
  retries?: number;
}

export interface UnitResult<T> {
  value: T;
  version: number;
  events: RecordedEvent[];
  replayed: boolean;
}

/**
 * Runs `work` in a fresh unit, commits it, and retries on a version conflict (up to `retries`
 * times, without If-Match): a losing concurrent writer re-decides on the winner's state, so a
 * rule such as "stock never goes negative" is checked against what was really committed.
 */
export async function runUnit<T extends Record<string, unknown>>(
  store: PostgresEventStore,
  primaryStreamId: string,
  work: (unit: UnitOfWork) => Promise<T>,
  options: UnitOptions,
): Promise<UnitResult<T>> {
  if (options.commandId) {
    const earlier = await findCommandResult(store, options.commandId, options.request);
    if (earlier) return { value: earlier.data as T, version: earlier.version, events: [], replayed: true };
  }
  const attempts = options.expectedVersion === undefined ? (options.retries ?? 8) : 1;
  for (let attempt = 1; ; attempt++) {
    const unit = new UnitOfWork(store);
    try {
      const value = await work(unit);
      await unit.load({ streamId: primaryStreamId, streamType: '', decider: NO_DECIDER });
      if (options.expectedVersion !== undefined && options.expectedVersion !== unit.version(primaryStreamId)) {
        throw new WrongExpectedVersionError(primaryStreamId, options.expectedVersion, unit.version(primaryStreamId) || null);
      }
      const version = unit.nextVersion(primaryStreamId);
      const events = await inTransaction(store.pool, async (client) => {
        const recorded = await unit.commit(client, options.metadata);
        if (options.commandId) {
          const reply = { streamId: primaryStreamId, version, eventIds: recorded.map((e) => e.eventId), replayed: false, data: value };
          await client.query('insert into es_command_log (command_id, request_hash, stream_id, result) values ($1, $2, $3, $4::jsonb)', [
            options.commandId,
            requestHash(options.request),
            primaryStreamId,
            JSON.stringify(reply),
          ]);
        }
        return recorded;
      });
      return { value, version, events, replayed: false };
    } catch (error) {
      if (options.commandId) {
        const earlier = await findCommandResult(store, options.commandId, options.request);
        if (earlier) return { value: earlier.data as T, version: earlier.version, events: [], replayed: true };
      }
      if (error instanceof WrongExpectedVersionError && attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
        continue;
      }
      throw error;
    }
  }
}

/** Reads a stream the unit does not write (its version for If-Match). */
const NO_DECIDER: Decider<null, never, Event> = { decide: () => [], evolve: () => null, initialState: () => null };
