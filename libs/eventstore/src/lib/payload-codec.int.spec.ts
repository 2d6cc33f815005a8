import type { Pool, PoolClient } from 'pg';
import { countStatements, createTestDatabase, eventually, type TestDatabase } from '@cs/testing';
import type { NewEvent, RecordedEvent } from './event.js';
import { PostgresEventStore } from './event-store.js';
import type { PayloadCodec } from './payload-codec.js';
import { LOG_START } from './position.js';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';

/** Stores `secret` reversed, and records every encode in a table, in the append's transaction. */
const reversing: PayloadCodec = {
  encodes: (events) => events.some((e) => 'secret' in (e.data as object)),
  async encode(client: PoolClient, stream, events: readonly NewEvent[]) {
    await client.query('insert into codec_log (stream_id) values ($1)', [stream.streamId]);
    return events.map((e) => ({ ...e, data: { ...e.data, secret: [...String((e.data as { secret: string }).secret)].reverse().join('') } }));
  },
  async decode(_pool: Pool, events: RecordedEvent[]) {
    return events.map((e) => ('secret' in (e.data as object) ? { ...e, data: { ...e.data, secret: [...String((e.data as { secret: string }).secret)].reverse().join('') } } : e));
  },
};

describe('PostgresEventStore with a payload codec', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('es_codec');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    await db.pool.query('create table codec_log (stream_id text not null)');
    store = new PostgresEventStore(db.pool, { codec: reversing });
  });
  afterAll(() => db.drop());

  const secret = (n: number) => ({ type: 'Said', data: { n, secret: `abc${n}` } });
  const stored = async (streamId: string) =>
    (await db.pool.query<{ data: { secret: string } }>('select data from es_events where stream_id = $1 order by stream_version', [streamId])).rows.map((r) => r.data.secret);

  it('stores the encoded payloads and hands the appender and the inline effects the decided ones', async () => {
    const seen: unknown[] = [];
    const result = await store.appendToStream('c-1', 'thing', [secret(1), secret(2)], {
      expectedVersion: 'no_stream',
      inline: async (_client, events) => void seen.push(...events.map((e) => e.data)),
    });
    expect(await stored('c-1')).toEqual(['1cba', '2cba']);
    expect(result.events.map((e) => e.data)).toEqual([{ n: 1, secret: 'abc1' }, { n: 2, secret: 'abc2' }]);
    expect(seen).toEqual([{ n: 1, secret: 'abc1' }, { n: 2, secret: 'abc2' }]);
  });

  it('decodes every read: a stream, several streams, a command read and the global log', async () => {
    await store.appendToStream('c-2', 'thing', [secret(3)], { expectedVersion: 'no_stream' });
    expect((await store.readStream('c-2')).events[0].data).toEqual({ n: 3, secret: 'abc3' });
    expect((await store.readStreams(['c-1', 'c-2'])).get('c-2')!.events.map((e) => e.data)).toEqual([{ n: 3, secret: 'abc3' }]);
    expect((await store.readStreams(['c-1', 'c-2'])).get('c-1')!.events.map((e) => e.streamVersion)).toEqual([1, 2]);
    expect((await store.readForCommand('c-2')).events[0].data).toEqual({ n: 3, secret: 'abc3' });
    // the global log shows a commit once every older transaction of the server has ended
    await eventually(async () => {
      expect((await store.readAll(LOG_START)).map((e) => (e.data as { secret: string }).secret)).toEqual(['abc1', 'abc2', 'abc3']);
      expect((await store.tail.after(LOG_START, 500)).map((e) => (e.data as { secret: string }).secret)).toEqual(['abc1', 'abc2', 'abc3']);
    });
  });

  it('runs the encode in the append transaction: a refused append leaves nothing the codec wrote', async () => {
    const before = (await db.pool.query('select count(*)::int as n from codec_log')).rows[0].n;
    await expect(store.appendToStream('c-2', 'thing', [secret(4)], { expectedVersion: 'no_stream' })).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION' });
    expect((await db.pool.query('select count(*)::int as n from codec_log')).rows[0].n).toBe(before);
  });

  it('appends events with nothing to encode in one statement, without the codec or a transaction', async () => {
    const counter = countStatements(db.pool);
    try {
      await store.appendToStream('c-plain', 'thing', [{ type: 'Counted', data: { n: 1 } }], { expectedVersion: 'no_stream' });
      expect(counter.statements()).toBe(1);
    } finally {
      counter.restore();
    }
    expect((await db.pool.query("select count(*)::int as n from codec_log where stream_id = 'c-plain'")).rows[0].n).toBe(0);
    expect((await store.readStream('c-plain')).events.map((e) => e.data)).toEqual([{ n: 1 }]);
    // an append with something to encode still goes through the codec, in its transaction
    await store.appendToStream('c-plain', 'thing', [secret(9)], { expectedVersion: 1 });
    expect(await stored('c-plain')).toEqual([undefined, '9cba']);
  });
});
