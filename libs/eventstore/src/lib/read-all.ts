import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from './event.js';
import { EVENT_COLUMNS, type EventDecoder, type EventRow } from './event-rows.js';
import { LOG_START, type LogPosition } from './position.js';

/**
 * Reads events after `after` in (transaction id, global position) order, only from transactions
 * older than every transaction still running, so a slow commit can never be skipped.
 */
export async function readAll(runner: Pool | PoolClient, decode: EventDecoder, after: LogPosition = LOG_START, limit = 500): Promise<RecordedEvent[]> {
  const { rows } = await runner.query<EventRow>(
    `select ${EVENT_COLUMNS} from es_events
      where (transaction_id, global_position) > ($1::xid8, $2::bigint)
        and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      order by transaction_id, global_position
      limit $3`,
    [after.transactionId, after.globalPosition, limit],
  );
  return rows.map(decode);
}

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
  const { rows } = await pool.query<EventRow & { from_t: string; from_p: string }>(
    `with c as (
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
      order by ev.transaction_id, ev.global_position`,
    [processorId, limit],
  );
  const from = { transactionId: rows[0].from_t, globalPosition: rows[0].from_p };
  return { from, events: rows.filter((row) => row.event_id !== null).map(decode) };
}
