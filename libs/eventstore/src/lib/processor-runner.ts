import type { Pool } from 'pg';
import { AdvisoryLease } from './advisory-lock.js';
import { readCheckpoint, storeCheckpoint, CheckpointMismatchError } from './checkpoints.js';
import type { PostgresEventStore } from './event-store.js';
import type { LogPosition } from './position.js';
import { rebuildWithin } from './rebuild.js';
import type { Processor, Projection } from './processor.js';
import type { SqlTx, Transact } from './sql-tx.js';

export interface ProcessorRunnerOptions<Tx extends SqlTx = SqlTx> {
  batchSize?: number;
  /** Pause between polls when the log has nothing new. */
  idleMs?: number;
  /** Pause before retrying after a failed batch. */
  retryMs?: number;
  /** How often a projection's runner looks for an operator's rebuild request. */
  rebuildCheckMs?: number;
  /** Batch size of a rebuild done on an operator's request. */
  rebuildBatchSize?: number;
  /**
   * Events none of whose types the processor handles move its checkpoint without a transaction;
   * the move is stored when the runner is idle, or at least this often while such events flow.
   */
  skippedCheckpointMs?: number;
  onError?: (error: unknown, processorId: string) => void;
  /**
   * The transactions of its batches, when not its own (e.g. one shared with other processors,
   * shared-transaction.ts). A rebuild always runs in transactions of its own: it points the
   * search path at its shadow tables, which a neighbour's writes must never follow.
   */
  batchTransact?: Transact<Tx>;
}

/**
 * Runs one processor: takes its lease (one active instance across replicas), reads batches after
 * its checkpoint, and commits effects + checkpoint together.
 */
export class ProcessorRunner<Tx extends SqlTx> {
  private readonly lease: AdvisoryLease;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nextRebuildCheck = 0;
  /** Set by poke(): new events may be there, so the next pause is skipped. */
  private poked = false;
  /**
   * After a poke, a few empty polls are retried quickly: a fresh event stays invisible to the
   * reader while any older transaction (e.g. another processor's batch) is still open, and a full
   * idle pause would then add its length to the latency. Bounded, so load adds no busy polling.
   */
  private quickRetries = 0;
  private readonly opts: Required<Omit<ProcessorRunnerOptions<Tx>, 'onError' | 'batchTransact'>> & Pick<ProcessorRunnerOptions<Tx>, 'onError'>;
  private readonly batchTransact: Transact<Tx>;
  /**
   * Where the runner has read to, and its checkpoint as last stored (null: read it from the
   * database first). They differ while only unhandled events were read since the last store.
   */
  private position: LogPosition | null = null;
  private stored: LogPosition | null = null;
  private skippedSince = 0;
  private leaseGeneration = -1;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly transact: Transact<Tx>,
    readonly processor: Processor<Tx>,
    options: ProcessorRunnerOptions<Tx> = {},
  ) {
    this.lease = new AdvisoryLease(store.pool as Pool, `processor:${processor.id}`);
    this.batchTransact = options.batchTransact ?? transact;
    this.opts = { batchSize: 200, idleMs: 100, retryMs: 1000, rebuildCheckMs: 2000, rebuildBatchSize: 1000, skippedCheckpointMs: 1000, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Nudges an idle runner to poll now (e.g. after a local append). */
  poke(): void {
    this.poked = true;
    this.quickRetries = 20;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
    this.loop = null;
    if (this.lease.held) await this.storeSkipped().catch(() => undefined);
    await this.lease.release();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let pause = this.opts.idleMs;
      let failed = false;
      try {
        if (await this.lease.tryAcquire()) {
          // lost and taken again: another replica may have moved the checkpoint meanwhile
          if (this.lease.generation !== this.leaseGeneration) this.forgetPosition();
          this.leaseGeneration = this.lease.generation;
          await this.rebuildIfRequested();
          const processed = await this.processBatch();
          // a full batch means more may be waiting; a partial one drained what was visible
          if (processed > 0) this.quickRetries = 0;
          if (processed >= this.opts.batchSize) pause = 0;
          else if (processed === 0 && this.quickRetries > 0) {
            this.quickRetries--;
            pause = Math.min(5, this.opts.idleMs);
          }
        } else {
          pause = this.opts.retryMs;
        }
      } catch (error) {
        if (!(error instanceof CheckpointMismatchError)) this.opts.onError?.(error, this.processor.id);
        pause = this.opts.retryMs;
        failed = true;
      }
      if (this.poked && this.lease.held && !failed) pause = 0;
      this.poked = false;
      if (pause > 0 && this.running) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /**
   * Operators ask for a rebuild by a row in es_rebuild_requests (see scripts/rebuild-projection);
   * the one runner holding the projection's lease does it, so replicas never race.
   */
  private async rebuildIfRequested(): Promise<void> {
    const projection = this.processor as Projection<Tx>;
    if (typeof projection.reset !== 'function' || Date.now() < this.nextRebuildCheck) return;
    this.nextRebuildCheck = Date.now() + this.opts.rebuildCheckMs;
    const { rows } = await this.store.pool.query(
      `update es_rebuild_requests set started_at = now() where processor_id = $1 and done_at is null returning processor_id`,
      [projection.id],
    );
    if (!rows.length) return;
    this.forgetPosition(); // the rebuild puts the checkpoint where the rebuilt tables are
    const events = await rebuildWithin(this.store, this.transact, projection, { batchSize: this.opts.rebuildBatchSize });
    await this.store.pool.query('update es_rebuild_requests set done_at = now(), events = $2 where processor_id = $1', [projection.id, events]);
  }

  /**
   * Processes one batch; returns how many events it read. Callers must hold the lease. The
   * events come from the store's shared log tail (one read for all the processors there). A
   * batch with events the processor handles commits its effects and the compare-and-set of its
   * checkpoint together, so a checkpoint moved meanwhile aborts the batch; a batch without any
   * moves the checkpoint in memory only (see storeSkipped).
   */
  async processBatch(): Promise<number> {
    try {
      if (!this.position) this.position = this.stored = await readCheckpoint(poolTx(this.store), this.processor.id);
      const from = this.position;
      const events = await this.store.tail.after(from, this.opts.batchSize);
      if (events.length === 0) {
        await this.storeSkipped();
        return 0;
      }
      const last = events[events.length - 1];
      const to: LogPosition = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      const handles = this.processor.handles;
      const relevant = handles ? events.filter((e) => handles.includes(e.type)) : events;
      if (relevant.length === 0) {
        this.position = to;
        this.skippedSince ||= Date.now();
        if (Date.now() - this.skippedSince >= this.opts.skippedCheckpointMs) await this.storeSkipped();
        return events.length;
      }
      const expected = this.stored as LogPosition;
      if (this.processor.transactional === false) {
        const statement = poolTx(this.store) as Tx;
        await this.processor.handle(relevant, statement);
        await storeCheckpoint(statement, this.processor.id, expected, to);
      } else {
        await this.batchTransact(async (tx) => {
          await this.processor.handle(relevant, tx);
          await storeCheckpoint(tx, this.processor.id, expected, to);
        });
      }
      this.position = this.stored = to;
      this.skippedSince = 0;
      return events.length;
    } catch (error) {
      this.forgetPosition(); // read the checkpoint again before the next batch
      throw error;
    }
  }

  /**
   * Stores a checkpoint moved over unhandled events only (one statement, no transaction). Losing
   * it costs nothing but reading those events again.
   */
  private async storeSkipped(): Promise<void> {
    const { position, stored } = this;
    if (!position || !stored || (position.transactionId === stored.transactionId && position.globalPosition === stored.globalPosition)) return;
    await storeCheckpoint(poolTx(this.store), this.processor.id, stored, position);
    this.stored = position;
    this.skippedSince = 0;
  }

  private forgetPosition(): void {
    this.position = this.stored = null;
    this.skippedSince = 0;
  }

  /** Processes until the log has nothing more visible. For tests, tools and rebuilds. */
  async catchUp(): Promise<void> {
    while ((await this.processBatch()) > 0) {
      // keep going
    }
    await this.storeSkipped();
  }
}

/** The store's pool as a SqlTx: each statement its own transaction. */
function poolTx(store: PostgresEventStore): SqlTx {
  return { query: async <R>(sql: string, params?: unknown[]) => (await store.pool.query(sql, params)).rows as R[] };
}
