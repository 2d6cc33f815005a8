import type { RecordedEvent } from './event.js';
import type { SqlTx } from './sql-tx.js';

/**
 * A reader of the service's own log. Its effects and its checkpoint commit in one transaction,
 * so a crash or a replay never applies an event twice.
 */
export interface Processor<Tx extends SqlTx = SqlTx> {
  /** Checkpoint key, e.g. `projection:complaint-list:v1` or `relay:jetstream`. */
  readonly id: string;
  /** Event types it cares about; others only move the checkpoint. Omit for all. */
  readonly handles?: readonly string[];
  /**
   * false for a processor whose effects are elsewhere (a publisher): it writes nothing through
   * `tx`, so no transaction is opened for it and its checkpoint is stored by one statement after
   * `handle` (at-least-once: a batch whose checkpoint is lost is handled again).
   */
  readonly transactional?: false;
  /**
   * true when every effect of `handle` is written through `tx` (a read model, timer rows, an
   * outbox): its batches may share one transaction with other such processors woken at the same
   * moment (shared-transaction.ts), and may run twice when a neighbour's batch fails.
   */
  readonly sharesTransaction?: boolean;
  handle(events: readonly RecordedEvent[], tx: Tx): Promise<void>;
}

/** A projection: a processor that owns read-model tables it can wipe for a rebuild. */
export interface Projection<Tx extends SqlTx = SqlTx> extends Processor<Tx> {
  /** Deletes every row the projection owns (used by a rebuild in one transaction). */
  reset(tx: Tx): Promise<void>;
  /**
   * The tables it owns (every one reset() clears), unqualified, written with unqualified SQL or
   * unqualified TypeORM entities. With them a rebuild fills copies of these tables in short
   * transactions and swaps them in at the end (rebuild.ts); without, it runs in one transaction,
   * which holds back every ordered reader of the Postgres instance for its duration.
   */
  readonly tables?: readonly string[];
}
