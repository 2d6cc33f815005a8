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

/** Compare-and-set: moves the checkpoint from `expected` to `next`, or throws if it is elsewhere. */
export async function storeCheckpoint(
  tx: SqlTx,
  processorId: string,
  expected: LogPosition,
  next: LogPosition,
): Promise<void> {
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
