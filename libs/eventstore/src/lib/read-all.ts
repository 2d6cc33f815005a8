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

/**
 * The next events for a processor, read from its stored checkpoint in the same statement (one
 * round trip per poll). Returns the checkpoint it read from, for the compare-and-set.
 */
export async function readAllForProcessor(
  pool: Pool,
  decode: EventDecoder,
  processorId: string,
  limit = 500,
): Promise<{ from: LogPosition; events: RecordedEvent[] }> {
  const { rows } = await pool.query<EventRow & { from_t: string; from_p: string }>(READ_FOR_PROCESSOR_SQL, [processorId, limit]);
  const from = { transactionId: rows[0].from_t, globalPosition: rows[0].from_p };
  return { from, events: rows.filter((row) => row.event_id !== null).map(decode) };
}

/** The next events after a processor's checkpoint ($1 processor id, $2 limit), with the checkpoint read. */
export const READ_FOR_PROCESSOR_SQL = `with c as (
       select coalesce((select last_transaction_id from es_checkpoints where processor_id = $1), '0'::xid8) as t,
              coalesce((select last_global_position from es_checkpoints where processor_id = $1), 0) as p
     )
     select ${EVENT_COLUMNS}, c.t::text as from_t, c.p::text as from_p
       from c left join lateral (
         select * from es_events e
          where (e.transaction_id, e.global_position) > (c.t, c.p)
            and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          order by e.transaction_id, e.global_position
          limit $2
       ) ev on true
      order by ev.transaction_id, ev.global_position`;
