import type { Pool, PoolClient } from 'pg';
import { appendWithin, type AppendOptions, type AppendResult } from './append-to-stream.js';
import type { NewEvent, RecordedEvent } from './event.js';
import { eventDecoder, type EventDecoder } from './event-rows.js';
import { inTransaction, withClient } from './pg.js';
import { LOG_START, type LogPosition } from './position.js';
import { readAll, readAllForProcessor } from './read-all.js';
import { readForCommand, readStream, readStreams, type CommandRead, type CommandReadOptions, type ReadStreamOptions, type StreamRead } from './read-stream.js';
import { UpcasterChain, type Upcaster } from './upcasting.js';

export type { AppendOptions, AppendResult } from './append-to-stream.js';
export type { CommandRead, CommandReadOptions, ReadStreamOptions, StreamRead } from './read-stream.js';

/**
 * The Postgres event store of one service: streams with optimistic concurrency
 * (append-to-stream.ts), stream reads (read-stream.ts), and a global reader that never skips a
 * late commit (read-all.ts).
 */
export class PostgresEventStore {
  private readonly decode: EventDecoder;

  constructor(
    readonly pool: Pool,
    options: { upcasters?: readonly Upcaster[] } = {},
  ) {
    this.decode = eventDecoder(new UpcasterChain(options.upcasters));
  }

  async appendToStream(streamId: string, streamType: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (options.inline) {
      return inTransaction(this.pool, (client) => this.appendWithin(client, streamId, streamType, events, options));
    }
    // One statement is its own transaction: one round trip, no BEGIN/COMMIT.
    return withClient(this.pool, (client) => this.appendWithin(client, streamId, streamType, events, options));
  }

  /** Appends on the caller's connection, inside its transaction if it has one. */
  appendWithin(client: PoolClient, streamId: string, streamType: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return appendWithin(client, this.decode, streamId, streamType, events, options);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StreamRead> {
    return readStream(this.pool, this.decode, streamId, options);
  }

  /** A stream after its snapshot, with the command's idempotency record, in one round trip. */
  readForCommand(streamId: string, options: CommandReadOptions = {}): Promise<CommandRead> {
    return readForCommand(this.pool, this.decode, streamId, options);
  }

  readStreams(streamIds: readonly string[], options: Pick<ReadStreamOptions, 'asOf'> = {}): Promise<Map<string, StreamRead>> {
    return readStreams(this.pool, this.decode, streamIds, options);
  }

  readAll(after: LogPosition = LOG_START, limit = 500, client?: PoolClient): Promise<RecordedEvent[]> {
    return readAll(client ?? this.pool, this.decode, after, limit);
  }

  readAllForProcessor(processorId: string, limit = 500): Promise<{ from: LogPosition; events: RecordedEvent[] }> {
    return readAllForProcessor(this.pool, this.decode, processorId, limit);
  }
}
