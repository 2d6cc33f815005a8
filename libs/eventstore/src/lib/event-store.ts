import type { Pool, PoolClient } from 'pg';
import { appendWithin, type AppendOptions, type AppendResult } from './append-to-stream.js';
import type { NewEvent, RecordedEvent } from './event.js';
import { eventDecoder, type EventDecoder } from './event-rows.js';
import { inTransaction, withClient } from './pg.js';
import { LOG_START, type LogPosition } from './position.js';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';
import { LogTail } from './log-tail.js';
import { readAll } from './read-all.js';
import { readForCommand, readStream, readStreams, type CommandRead, type CommandReadOptions, type ReadStreamOptions, type StreamRead } from './read-stream.js';
import type { PayloadCodec } from './payload-codec.js';
import { UpcasterChain, type Upcaster } from './upcasting.js';

export type { AppendOptions, AppendResult } from './append-to-stream.js';
export type { CommandRead, CommandReadOptions, ReadStreamOptions, StreamRead } from './read-stream.js';
export type { PayloadCodec } from './payload-codec.js';

/**
 * The Postgres event store of one service: streams with optimistic concurrency
 * (append-to-stream.ts), stream reads (read-stream.ts), and a global reader that never skips a
 * late commit (read-all.ts). An optional codec transforms payloads on their way in and out
 * (payload-codec.ts).
 */
export class PostgresEventStore {
  private readonly decode: EventDecoder;
  private readonly codec?: PayloadCodec;
  /** The recent end of the log, read once for all the processors on this store (log-tail.ts). */
  readonly tail: LogTail;
  /** Concurrent appends outside a caller's transaction share statements (group-commit.ts). */
  readonly group: GroupCommit;

  constructor(
    readonly pool: Pool,
    options: { upcasters?: readonly Upcaster[]; codec?: PayloadCodec; groupCommit?: GroupCommitOptions } = {},
  ) {
    this.decode = eventDecoder(new UpcasterChain(options.upcasters));
    this.codec = options.codec;
    this.tail = new LogTail((after, limit) => this.readAll(after, limit));
    this.group = new GroupCommit(pool, this.decode, options.groupCommit);
  }

  async appendToStream(streamId: string, streamType: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (options.inline || (this.codec && (this.codec.encodes?.(events) ?? true))) {
      return inTransaction(this.pool, (client) => this.appendWithin(client, streamId, streamType, events, options));
    }
    // One statement is its own transaction: one round trip, no BEGIN/COMMIT, shared with the
    // appends of other streams made at the same moment.
    return this.group.append({ streamId, streamType, events, options });
  }

  /** Appends on the caller's connection, inside its transaction if it has one. */
  async appendWithin(client: PoolClient, streamId: string, streamType: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const codec = this.codec;
    if (!codec) return appendWithin(client, this.decode, streamId, streamType, events, options);
    const encoded = await codec.encode(client, { streamId, streamType }, events);
    // stream versions follow the order of `events`: the i-th recorded event is the i-th decided one
    const decided = (recorded: RecordedEvent[]) => recorded.map((e, i) => ({ ...e, data: events[i].data }));
    const inline = options.inline;
    const result = await appendWithin(client, this.decode, streamId, streamType, encoded, {
      ...options,
      ...(inline ? { inline: (c: PoolClient, recorded: RecordedEvent[]) => inline(c, decided(recorded)) } : {}),
    });
    return { ...result, events: decided(result.events) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StreamRead> {
    const read = await readStream(this.pool, this.decode, streamId, options);
    return { ...read, events: await this.decoded(read.events) };
  }

  /** A stream after its snapshot, with the command's idempotency record, in one round trip. */
  async readForCommand(streamId: string, options: CommandReadOptions = {}): Promise<CommandRead> {
    const read = await readForCommand(this.pool, this.decode, streamId, options);
    return { ...read, events: await this.decoded(read.events) };
  }

  async readStreams(streamIds: readonly string[], options: Pick<ReadStreamOptions, 'asOf'> = {}): Promise<Map<string, StreamRead>> {
    const reads = await readStreams(this.pool, this.decode, streamIds, options);
    if (!this.codec) return reads;
    const events = await this.decoded([...reads.values()].flatMap((read) => read.events));
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const stream = byStream.get(event.streamId);
      if (stream) stream.push(event);
      else byStream.set(event.streamId, [event]);
    }
    return new Map([...reads].map(([id, read]) => [id, { ...read, events: byStream.get(id) ?? [] }]));
  }

  async readAll(after: LogPosition = LOG_START, limit = 500, client?: PoolClient): Promise<RecordedEvent[]> {
    return this.decoded(await readAll(client ?? this.pool, this.decode, after, limit));
  }


  private async decoded(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return this.codec && events.length ? this.codec.decode(this.pool, events) : events;
  }
}
