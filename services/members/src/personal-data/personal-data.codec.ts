import type { Pool, PoolClient } from 'pg';
import type { NewEvent, PayloadCodec, RecordedEvent } from '@cs/eventstore';
import { erased, erasedOf, isSealed, newDataKey, open, seal } from './field-cipher.js';
import { mapPersonalFields, personalFieldsOf, SHREDDING_EVENT, subjectOf } from './personal-fields.js';


/**
 * Crypto-shredding of the member events: personal fields are sealed on append under a per-member
 * data key (member_data_keys) and opened on every read. The append of the closing event deletes
 * the key in its own transaction; from then on the member's personal fields read as placeholders,
 * in folds, projections, rebuilds and the relay alike. A member whose key is already deleted gets
 * the placeholders stored, never the plain values. Keys are read per read, never cached: a
 * deleted key is gone for every instance at once.
 */
export const personalDataCodec: PayloadCodec = {
  // loyalty and redemption events carry no personal field: they append as any store's
  encodes: (events) => events.some((e) => personalFieldsOf(e.type).length > 0 || e.type === SHREDDING_EVENT),
  async encode(client: PoolClient, stream, events: readonly NewEvent[]): Promise<NewEvent[]> {
    const subjects = [...new Set(events.filter((e) => personalFieldsOf(e.type).length).map((e) => subjectOf(stream.streamId, e.data)))];
    if (!subjects.length) return [...events];
    const keys = new Map<string, Buffer | null>();
    for (const subject of subjects) keys.set(subject, await keyFor(client, subject));
    const sealed = events.map((e) => {
      if (!personalFieldsOf(e.type).length) return e;
      const subject = subjectOf(stream.streamId, e.data);
      const key = keys.get(subject);
      const data = mapPersonalFields(e.type, e.data as Record<string, unknown>, (value) => (key ? seal(key, subject, value) : erasedOf(value)));
      return { ...e, data };
    });
    for (const e of events) {
      if (e.type === SHREDDING_EVENT) await client.query('update member_data_keys set data_key = null, shredded_at = now() where subject_id = $1', [subjectOf(stream.streamId, e.data)]);
    }
    return sealed;
  },

  async decode(pool: Pool, events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const sealedSubjects = new Set<string>();
    for (const e of events) {
      if (personalFieldsOf(e.type).length) mapPersonalFields(e.type, e.data as Record<string, unknown>, (v) => isSealed(v) && sealedSubjects.add(subjectOf(e.streamId, e.data)));
    }
    if (!sealedSubjects.size) return events;
    const { rows } = await pool.query<{ subject_id: string; data_key: Buffer | null }>(
      'select subject_id, data_key from member_data_keys where subject_id = any($1)',
      [[...sealedSubjects]],
    );
    const keys = new Map(rows.map((r) => [r.subject_id, r.data_key]));
    return events.map((e) => {
      if (!personalFieldsOf(e.type).length) return e;
      const subject = subjectOf(e.streamId, e.data);
      const key = keys.get(subject);
      // values stored before sealing began pass as they are
      const data = mapPersonalFields(e.type, e.data as Record<string, unknown>, (v) => (!isSealed(v) ? v : key ? open(key, subject, v) : erased(v)));
      return { ...e, data };
    });
  },
};

/** The member's data key, created on first use; null once shredded. */
async function keyFor(client: PoolClient, subject: string): Promise<Buffer | null> {
  // `do update` (to the same value) so the statement returns the row that already exists
  const { rows } = await client.query<{ data_key: Buffer | null }>(
    `insert into member_data_keys (subject_id, data_key) values ($1, $2)
     on conflict (subject_id) do update set subject_id = excluded.subject_id returning data_key`,
    [subject, newDataKey()],
  );
  return rows[0].data_key;
}
