import { CodedError } from './errors.js';
import { LOG_START, type LogPosition } from './position.js';
import type { SqlTx } from './sql-tx.js';

export class CheckpointMismatchError extends CodedError {
  constructor(processorId: string) {
    super('CHECKPOINT_MISMATCH', `Checkpoint of ${processorId} moved under us; another instance advanced it`);
  }
}

export async function readCheckpoint(tx: SqlTx, processorId: string): Promise<LogPosition> {
  const rows = await tx.query<{ t: string; p: string }>(
    'select last_transaction_id::text as t, last_global_position::text as p from es_checkpoints where processor_id = $1',
    [processorId],
  );
  return rows.length ? { transactionId: rows[0].t, globalPosition: rows[0].p } : LOG_START;
}

/** A compare-and-set of one processor's checkpoint. */
export interface CheckpointMove {
  processorId: string;
  expected: LogPosition;
  next: LogPosition;
}

/** Transactions whose checkpoint moves are collected and stored together (see withCheckpointsDeferred). */
const deferred = new WeakMap<SqlTx, CheckpointMove[]>();

/**
 * Compare-and-set: moves the checkpoint from `expected` to `next`, or throws if it is elsewhere.
 * Inside withCheckpointsDeferred on the same transaction, the move is stored with the others there.
 */
export async function storeCheckpoint(
  tx: SqlTx,
  processorId: string,
  expected: LogPosition,
  next: LogPosition,
): Promise<void> {
  const moves = deferred.get(tx);
  if (moves) {
    moves.push({ processorId, expected, next });
    return;
  }
  const rows = await tx.query(
    `insert into es_checkpoints (processor_id, last_transaction_id, last_global_position)
     values ($1, $2::xid8, $3::bigint)
     on conflict (processor_id) do update
       set last_transaction_id = excluded.last_transaction_id,
           last_global_position = excluded.last_global_position,
           updated_at = now()
     where es_checkpoints.last_transaction_id = $4::xid8 and es_checkpoints.last_global_position = $5::bigint
     returning processor_id`,
    [processorId, next.transactionId, next.globalPosition, expected.transactionId, expected.globalPosition],
  );
  if (rows.length === 0) throw new CheckpointMismatchError(processorId);
}

/**
 * Runs `work` (several processors' batches in one transaction) with the checkpoint moves made on
 * `tx` collected, then stores them in one statement. Each move is still a compare-and-set: if any
 * finds its checkpoint elsewhere, this throws, and the caller must roll the transaction back (the
 * statement has moved the others).
 */
export async function withCheckpointsDeferred<T>(tx: SqlTx, work: () => Promise<T>): Promise<T> {
  const moves: CheckpointMove[] = [];
  deferred.set(tx, moves);
  let result: T;
  try {
    result = await work();
  } finally {
    deferred.delete(tx);
  }
  await storeCheckpoints(tx, moves);
  return result;
}

/** Several compare-and-sets in one statement (see withCheckpointsDeferred); one processor at most once. */
export async function storeCheckpoints(tx: SqlTx, moves: readonly CheckpointMove[]): Promise<void> {
  if (moves.length <= 1 || new Set(moves.map((m) => m.processorId)).size !== moves.length) {
    for (const m of moves) await storeCheckpoint(tx, m.processorId, m.expected, m.next);
    return;
  }
  const rows = await tx.query<{ processor_id: string }>(
    `with want as (
       select * from unnest($1::text[], $2::xid8[], $3::bigint[], $4::xid8[], $5::bigint[])
         as w(processor_id, expected_t, expected_p, next_t, next_p)
     ), moved as (
       update es_checkpoints c set last_transaction_id = w.next_t, last_global_position = w.next_p, updated_at = now()
         from want w
        where c.processor_id = w.processor_id and c.last_transaction_id = w.expected_t and c.last_global_position = w.expected_p
       returning c.processor_id
     ), started as (
       insert into es_checkpoints (processor_id, last_transaction_id, last_global_position)
       select w.processor_id, w.next_t, w.next_p from want w
        where not exists (select 1 from es_checkpoints c where c.processor_id = w.processor_id)
       on conflict (processor_id) do nothing
       returning processor_id
     )
     select processor_id from moved union all select processor_id from started`,
    [
      moves.map((m) => m.processorId),
      moves.map((m) => m.expected.transactionId),
      moves.map((m) => m.expected.globalPosition),
      moves.map((m) => m.next.transactionId),
      moves.map((m) => m.next.globalPosition),
    ],
  );
  if (rows.length !== moves.length) {
    const stored = new Set(rows.map((r) => r.processor_id));
    throw new CheckpointMismatchError(moves.find((m) => !stored.has(m.processorId))!.processorId);
  }
}

export async function resetCheckpoint(tx: SqlTx, processorId: string): Promise<void> {
  await tx.query('delete from es_checkpoints where processor_id = $1 returning processor_id', [processorId]);
}

/** Puts the checkpoint at `position` whatever it was (the rebuild's swap, under the projection's lease). */
export async function setCheckpoint(tx: SqlTx, processorId: string, position: LogPosition): Promise<void> {
  if (position.transactionId === LOG_START.transactionId && position.globalPosition === LOG_START.globalPosition) {
    await resetCheckpoint(tx, processorId);
    return;
  }
  await tx.query(
    `insert into es_checkpoints (processor_id, last_transaction_id, last_global_position) values ($1, $2::xid8, $3::bigint)
     on conflict (processor_id) do update
       set last_transaction_id = excluded.last_transaction_id, last_global_position = excluded.last_global_position, updated_at = now()
     returning processor_id`,
    [processorId, position.transactionId, position.globalPosition],
  );
}
