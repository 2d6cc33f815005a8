import type { Pool } from 'pg';
import { AdvisoryLease } from './advisory-lock.js';
import { storeCheckpoint, CheckpointMismatchError } from './checkpoints.js';
import type { PostgresEventStore } from './event-store.js';
import type { LogPosition } from './position.js';
import { rebuildWithin } from './rebuild.js';
import type { Processor, Projection } from './processor.js';
import type { SqlTx, Transact } from './sql-tx.js';

export interface ProcessorRunnerOptions {
  batchSize?: number;
  /** Pause between polls when the log has nothing new. */
  idleMs?: number;
  /** Pause before retrying after a failed batch. */
  retryMs?: number;
  /** How often a projection's runner looks for an operator's rebuild request. */
  rebuildCheckMs?: number;
  /** Batch size of a rebuild done on an operator's request. */
  rebuildBatchSize?: number;
  onError?: (error: unknown, processorId: string) => void;
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
  private readonly opts: Required<Omit<ProcessorRunnerOptions, 'onError'>> & Pick<ProcessorRunnerOptions, 'onError'>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly transact: Transact<Tx>,
    readonly processor: Processor<Tx>,
    options: ProcessorRunnerOptions = {},
  ) {
    this.lease = new AdvisoryLease(store.pool as Pool, `processor:${processor.id}`);
    this.opts = { batchSize: 200, idleMs: 100, retryMs: 1000, rebuildCheckMs: 2000, rebuildBatchSize: 1000, ...options };
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
    await this.lease.release();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let pause = this.opts.idleMs;
      let failed = false;
      try {
        if (await this.lease.tryAcquire()) {
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
    const events = await rebuildWithin(this.store, this.transact, projection, { batchSize: this.opts.rebuildBatchSize });
    await this.store.pool.query('update es_rebuild_requests set done_at = now(), events = $2 where processor_id = $1', [projection.id, events]);
  }

  /**
   * Processes one batch; returns how many events it read. Callers must hold the lease. An empty
   * poll costs one read (checkpoint and events in one statement) and no transaction; effects and the compare-and-set checkpoint commit
   * together, so a checkpoint moved meanwhile aborts the batch.
   */
  async processBatch(): Promise<number> {
    const { from, events } = await this.store.readAllForProcessor(this.processor.id, this.opts.batchSize);
    if (events.length === 0) return 0;
    return this.transact(async (tx) => {
      const handles = this.processor.handles;
      const relevant = handles ? events.filter((e) => handles.includes(e.type)) : events;
      if (relevant.length) await this.processor.handle(relevant, tx);
      const last = events[events.length - 1];
      const to: LogPosition = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      await storeCheckpoint(tx, this.processor.id, from, to);
      return events.length;
    });
  }

  /** Processes until the log has nothing more visible. For tests, tools and rebuilds. */
  async catchUp(): Promise<void> {
    while ((await this.processBatch()) > 0) {
      // keep going
    }
  }
}
