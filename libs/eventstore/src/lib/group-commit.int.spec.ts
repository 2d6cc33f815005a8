import { createTestDatabase, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { PostgresEventStore } from './event-store.js';
import { WrongExpectedVersionError } from './errors.js';

describe('Group commit of concurrent appends', () => {
  let db: TestDatabase;
  const ev = (n: number) => ({ type: 'Happened', data: { n } });
  /** One statement slot: the first append goes alone, the ones made meanwhile go together next. */
  const oneSlot = () => new PostgresEventStore(db.pool, { groupCommit: { maxInFlight: 1 } });
  const transactionsOf = async (streamIds: string[]) =>
    (await db.pool.query<{ t: string }>('select distinct transaction_id::text as t from es_events where stream_id = any($1)', [streamIds])).rows.length;

  beforeAll(async () => {
    db = await createTestDatabase('group');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
  });
  afterAll(() => db.drop());

  it('sends appends made while a statement is in flight together, each stream with its own versions, in one transaction', async () => {
    const store = oneSlot();
    const streams = Array.from({ length: 9 }, (_, i) => `g-${i}`);
    const results = await Promise.all(streams.map((id, i) => store.appendToStream(id, 'thing', [ev(i), ev(i + 100)], { expectedVersion: 'no_stream' })));
    expect(store.group.stats).toEqual({ statements: 2, appends: 9 });
    for (const [i, result] of results.entries()) {
      expect(result.nextVersion).toBe(2);
      expect(result.events.map((e) => [e.streamId, e.streamVersion, (e.data as { n: number }).n])).toEqual([[streams[i], 1, i], [streams[i], 2, i + 100]]);
      const read = await store.readStream(streams[i]);
      expect(read.events.map((e) => e.eventId)).toEqual(result.events.map((e) => e.eventId));
      expect(read.events.map((e) => e.globalPosition)).toEqual(result.events.map((e) => e.globalPosition));
    }
    expect(await transactionsOf(streams.slice(1))).toBe(1);
  });

  it('fails only the append whose expected version does not hold', async () => {
    const store = oneSlot();
    await store.appendToStream('c-1', 'thing', [ev(1)], { expectedVersion: 'no_stream' });
    const [, ok, stale, ok2] = await Promise.allSettled([
      store.appendToStream('c-0', 'thing', [ev(0)], { expectedVersion: 'no_stream' }),
      store.appendToStream('c-2', 'thing', [ev(2)], { expectedVersion: 'no_stream' }),
      store.appendToStream('c-1', 'thing', [ev(3)], { expectedVersion: 5 }),
      store.appendToStream('c-3', 'thing', [ev(4)], { expectedVersion: 'no_stream' }),
    ]);
    expect(store.group.stats.statements).toBe(3);
    expect(ok.status).toBe('fulfilled');
    expect(ok2.status).toBe('fulfilled');
    expect(stale).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersionError) });
    expect((stale as PromiseRejectedResult).reason).toMatchObject({ expected: 5, actual: 1 });
    expect((await store.readStream('c-1')).version).toBe(1);
  });

  it('refuses a command id used twice in one statement and keeps the other appends', async () => {
    const store = oneSlot();
    const command = (id: string) => ({ commandId: id, requestHash: 'h', result: { id } });
    const settled = await Promise.allSettled([
      store.appendToStream('d-0', 'thing', [ev(0)], { expectedVersion: 'no_stream' }),
      store.appendToStream('d-1', 'thing', [ev(1)], { expectedVersion: 'no_stream', command: command('cmd-d') }),
      store.appendToStream('d-2', 'thing', [ev(2)], { expectedVersion: 'no_stream', command: command('cmd-d') }),
      store.appendToStream('d-3', 'thing', [ev(3)], { expectedVersion: 'no_stream', command: command('cmd-d3') }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    const { rows } = await db.pool.query("select command_id, stream_id, result->>'version' as version from es_command_log where command_id like 'cmd-d%' order by command_id");
    expect(rows).toEqual([{ command_id: 'cmd-d', stream_id: 'd-1', version: '1' }, { command_id: 'cmd-d3', stream_id: 'd-3', version: '1' }]);
    expect((await store.readStream('d-2')).version).toBe(0);
  });

  it('never puts two appends to one stream in the same statement: both land, in the order they were made', async () => {
    const store = oneSlot();
    const results = await Promise.all([
      store.appendToStream('e-0', 'thing', [ev(0)], { expectedVersion: 'any' }),
      store.appendToStream('e-1', 'thing', [ev(1)], { expectedVersion: 'any' }),
      store.appendToStream('e-1', 'thing', [ev(2)], { expectedVersion: 'any' }),
      store.appendToStream('e-2', 'thing', [ev(3)], { expectedVersion: 'any' }),
    ]);
    expect(results.map((r) => r.nextVersion)).toEqual([1, 1, 2, 1]);
    expect(store.group.stats.statements).toBe(3);
    expect((await store.readStream('e-1')).events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
  });
});
