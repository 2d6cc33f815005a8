import { createTestDatabase, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { PostgresEventStore } from './event-store.js';
import { comparePositions, LOG_START, type LogPosition } from './position.js';
import { readHead } from './read-all.js';

describe('the ordered reader', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('readall');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    store = new PostgresEventStore(db.pool);
    // committed long ago by transactions whose ids differ in their number of digits
    await db.pool.query("insert into es_streams (stream_id, stream_type, version) values ('s', 'test', 5)");
    await db.pool.query(
      `insert into es_events (global_position, transaction_id, stream_id, stream_type, stream_version, event_id, event_type, data, metadata)
       values (3, '100'::xid8, 's', 'test', 3, gen_random_uuid(), 'Third', '{}', '{}'),
              (1, '99'::xid8, 's', 'test', 1, gen_random_uuid(), 'First', '{}', '{}'),
              (2, '99'::xid8, 's', 'test', 2, gen_random_uuid(), 'Second', '{}', '{}'),
              -- a later transaction that took its position before an earlier one did
              (5, '101'::xid8, 's', 'test', 4, gen_random_uuid(), 'Fourth', '{}', '{}'),
              (4, '102'::xid8, 's', 'test', 5, gen_random_uuid(), 'Fifth', '{}', '{}')`,
    );
  });
  afterAll(() => db.drop());

  it('should read in transaction id order as numbers, not as text, so a batch boundary skips nothing', async () => {
    const seen: string[] = [];
    let position: LogPosition = LOG_START;
    for (;;) {
      const batch = await store.readAll(position, 1);
      if (batch.length === 0) break;
      seen.push(batch[0].type);
      position = { transactionId: batch[0].transactionId, globalPosition: batch[0].globalPosition };
    }
    expect(seen).toEqual(['First', 'Second', 'Third', 'Fourth', 'Fifth']);
  });

  it('should name as the head the last event a reader reaches, not the largest position', async () => {
    expect(await readHead(db.pool)).toEqual({ transactionId: '102', globalPosition: '4' });
    expect(comparePositions({ transactionId: '102', globalPosition: '4' }, { transactionId: '101', globalPosition: '5' })).toBe(1);
    expect(comparePositions(LOG_START, { transactionId: '0', globalPosition: '0' })).toBe(0);
  });

  it('should give processors, through the shared log tail, the same order', async () => {
    const events = await store.tail.after(LOG_START, 2);
    expect(events.map((e) => e.type)).toEqual(['First', 'Second']);
  });
});
