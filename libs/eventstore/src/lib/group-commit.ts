import type { Pool } from 'pg';
import { appendMany, appendWithin, type AppendRequest, type AppendResult } from './append-to-stream.js';
import type { EventDecoder } from './event-rows.js';
import { isUniqueViolation, withClient } from './pg.js';

export interface GroupCommitOptions {
  /** Statements in flight at once; an append arriving while all are busy waits for the next. */
  maxInFlight?: number;
  /** Appends per statement at most. */
  maxBatch?: number;
}

interface Queued {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit of concurrent appends. An append that finds a statement slot free is sent at
 * once, alone, as before; appends arriving while every slot is busy queue and go together in the
 * next statement: one round trip, one transaction, one WAL flush for all of them. Each keeps its
 * own version claim and idempotency record, so a conflict fails only its own append. Two appends
 * to one stream never share a statement (the second waits for the next one), which keeps each
 * stream's order. If a statement fails on a unique violation (a command id already used), its
 * appends are made again one by one so only the repeated one fails; any other failure (the
 * database away: whether the statement committed is unknown) is reported to every one of them,
 * as a single append's would be.
 */
export class GroupCommit {
  private readonly queue: Queued[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;
  /** Statements sent and appends they carried, for tests and metrics. */
  readonly stats = { statements: 0, appends: 0 };

  constructor(
    private readonly pool: Pool,
    private readonly decode: EventDecoder,
    options: GroupCommitOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxBatch = options.maxBatch ?? 32;
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length) {
      const batch = this.take();
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The next statement's appends, in arrival order, one per stream. */
  private take(): Queued[] {
    const batch: Queued[] = [];
    const streams = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.maxBatch; ) {
      const queued = this.queue[i];
      if (streams.has(queued.request.streamId)) {
        i++;
        continue;
      }
      streams.add(queued.request.streamId);
      batch.push(queued);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async send(batch: Queued[]): Promise<void> {
    this.stats.statements++;
    this.stats.appends += batch.length;
    try {
      const outcomes = await withClient(this.pool, (client) => appendMany(client, this.decode, batch.map((q) => q.request)));
      outcomes.forEach((outcome, i) => (outcome instanceof Error ? batch[i].reject(outcome) : batch[i].resolve(outcome)));
    } catch (error) {
      if (batch.length > 1 && isUniqueViolation(error)) {
        await Promise.all(batch.map((q) => this.sendAlone(q)));
      } else {
        batch.forEach((q) => q.reject(error));
      }
    }
  }

  private async sendAlone({ request, resolve, reject }: Queued): Promise<void> {
    try {
      resolve(await withClient(this.pool, (client) => appendWithin(client, this.decode, request.streamId, request.streamType, request.events, request.options)));
    } catch (error) {
      reject(error);
    }
  }
}
