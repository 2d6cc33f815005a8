import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from './event.js';
import { EVENT_COLUMNS, type EventDecoder, type EventRow } from './event-rows.js';
import { LOG_START, type LogPosition } from './position.js';

/**
 * Reads events after `after` in (transaction id, global position) order, only from transactions
 * older than every transaction still running, so a slow commit can never be skipped.
 */
export async function readAll(runner: Pool | PoolClient, decode: EventDecoder, after: LogPosition = LOG_START, limit = 500): Promise<RecordedEvent[]> {
  const { rows } = await runner.query<EventRow>(READ_ALL_SQL, [after.transactionId, after.globalPosition, limit]);
  return rows.map(decode);
}

/**
 * The last committed event in the readers' order (null for an empty log): a processor whose
 * checkpoint has reached it has seen everything committed when it was read. The largest global
 * position is not that event when a later transaction took its position before an earlier one.
 */
export async function readHead(runner: Pool | PoolClient): Promise<LogPosition | null> {
  const { rows } = await runner.query<{ t: string; p: string }>(
    'select transaction_id::text as t, global_position::text as p from es_events order by transaction_id desc, global_position desc limit 1',
  );
  return rows.length ? { transactionId: rows[0].t, globalPosition: rows[0].p } : null;
}

/**
 * The ordered read ($1 transaction id, $2 global position, $3 limit). The order names the table's
 * columns: the bare name would sort by the selected `transaction_id::text`, in text order ('100'
 * before '99': a batch boundary there skips events) and by a sort of the whole table instead of
 * the (transaction_id, global_position) index.
 */
export const READ_ALL_SQL = `select ${EVENT_COLUMNS} from es_events
      where (es_events.transaction_id, es_events.global_position) > ($1::xid8, $2::bigint)
        and es_events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      order by es_events.transaction_id, es_events.global_position
      limit $3`;
