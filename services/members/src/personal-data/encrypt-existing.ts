import type { Pool } from 'pg';
import { pgTransact, type PgTx } from '@cs/eventstore';
import { BIRTHDAY_GREETING_STREAM_TYPE } from '../birthday-greeting/birthday-greeting.decider.js';
import { memberStreamId, MEMBER_STREAM_TYPE } from '../member/member.decider.js';
import type { MemberClosed } from '../member/member.events.js';
import { anonymiseGreetingsOf } from '../projections/birthday-greetings/birthday-greetings.projection.js';
import { dropGreetingTimersOf } from '../projections/loyalty-timers/loyalty-timers.processor.js';
import { erasedOf, isSealed, newDataKey, seal } from './field-cipher.js';
import { mapPersonalFields, PERSONAL_FIELDS, SHREDDING_EVENT, subjectOf } from './personal-fields.js';

export interface EncryptExistingCounts {
  /** Events with personal fields looked at. */
  scanned: number;
  /** Events whose plain personal fields were sealed under the member's key. */
  sealed: number;
  /** Events of members closed without a key whose plain personal fields became placeholders. */
  erased: number;
  keysCreated: number;
  /** Closed members found with a key or none: key shredded now, greetings anonymised, gift timers dropped. */
  shredded: number;
  batches: number;
}

interface Row {
  stream_id: string;
  stream_version: string;
  event_type: string;
  data: Record<string, unknown>;
}

const STREAM_TYPES = [MEMBER_STREAM_TYPE, BIRTHDAY_GREETING_STREAM_TYPE];
const EVENT_TYPES = Object.keys(PERSONAL_FIELDS);

/**
 * Seals in place the personal fields of member events stored before the payload codec existed
 * (crypto-shredding, LOYALTY.md), with each member's key, creating the keys that are missing. A
 * member already closed has no key to seal with: its plain personal fields become the erased
 * placeholders, and what its closure would now have done to the read models is done (greeting
 * rows anonymised, greeting timers dropped). Idempotent (sealed values and placeholders are left
 * as they are), in batches in the log's primary-key order, one short transaction per batch, so
 * the running service keeps appending meanwhile.
 */
export async function encryptExistingMemberEvents(
  pool: Pool,
  options: { batchSize?: number; onBatch?: (counts: EncryptExistingCounts) => void } = {},
): Promise<EncryptExistingCounts> {
  const batchSize = options.batchSize ?? 500;
  const counts: EncryptExistingCounts = { scanned: 0, sealed: 0, erased: 0, keysCreated: 0, shredded: 0, batches: 0 };
  const transact = pgTransact(pool);
  let after: [string, string] = ['', '-1'];
  for (;;) {
    const last = await transact(async (tx) => {
      const rows = await tx.query<Row>(
        `select stream_id, stream_version, event_type, data from es_events
          where (stream_id, stream_version) > ($1, $2::bigint) and stream_type = any($3) and event_type = any($4)
          order by stream_id, stream_version limit $5 for update`,
        [after[0], after[1], STREAM_TYPES, EVENT_TYPES, batchSize],
      );
      if (!rows.length) return undefined;
      const keys = await keysOf(tx, [...new Set(rows.map((r) => subjectOf(r.stream_id, r.data)))], counts);
      for (const row of rows) {
        counts.scanned++;
        const subject = subjectOf(row.stream_id, row.data);
        const key = keys.get(subject) ?? null;
        let changed = false;
        const data = mapPersonalFields(row.event_type, row.data, (value) => {
          if (isSealed(value)) return value;
          const next = key ? seal(key, subject, value) : erasedOf(value);
          changed ||= JSON.stringify(next) !== JSON.stringify(value);
          return next;
        });
        if (!changed) continue;
        await tx.query('update es_events set data = $3::jsonb where stream_id = $1 and stream_version = $2', [row.stream_id, row.stream_version, JSON.stringify(data)]);
        if (key) counts.sealed++;
        else counts.erased++;
      }
      counts.batches++;
      const end = rows[rows.length - 1];
      return [end.stream_id, end.stream_version] as [string, string];
    });
    if (!last) return counts;
    after = last;
    options.onBatch?.({ ...counts });
  }
}

/**
 * Each member's key, created where missing. A member whose stream holds a closure has no key: a
 * missing or (created since by an append) present one is shredded now, with the closure's
 * effects on the greetings.
 */
async function keysOf(tx: PgTx, subjects: string[], counts: EncryptExistingCounts): Promise<Map<string, Buffer | null>> {
  const existing = await tx.query<{ subject_id: string; data_key: Buffer | null }>('select subject_id, data_key from member_data_keys where subject_id = any($1)', [subjects]);
  const keys = new Map(existing.map((r) => [r.subject_id, r.data_key]));
  const closures = await tx.query<{ data: MemberClosed['data'] }>('select data from es_events where stream_id = any($1) and event_type = $2', [
    subjects.map(memberStreamId),
    SHREDDING_EVENT,
  ]);
  for (const { data: closure } of closures) {
    if (keys.get(closure.memberId) === null) continue;
    await tx.query(
      `insert into member_data_keys (subject_id, data_key, shredded_at) values ($1, null, now())
       on conflict (subject_id) do update set data_key = null, shredded_at = now()`,
      [closure.memberId],
    );
    keys.set(closure.memberId, null);
    counts.shredded++;
    await anonymiseGreetingsOf(tx, closure);
    await dropGreetingTimersOf(tx, closure.memberId);
  }
  for (const subject of subjects.filter((s) => !keys.has(s))) {
    // `do update` (to the same value) so the statement returns the key a concurrent append may have created
    const [row] = await tx.query<{ data_key: Buffer | null; created: boolean }>(
      `insert into member_data_keys (subject_id, data_key) values ($1, $2)
       on conflict (subject_id) do update set subject_id = excluded.subject_id returning data_key, (xmax = 0) as created`,
      [subject, newDataKey()],
    );
    keys.set(subject, row.data_key);
    if (row.created) counts.keysCreated++;
  }
  return keys;
}
