import { createTestDatabase, untilEarlierTransactionsEnd, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { PostgresEventStore } from './event-store.js';
import { WrongExpectedVersionError } from './errors.js';
import { LOG_START } from './position.js';

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('es');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    store = new PostgresEventStore(db.pool, {
      upcasters: [{ type: 'Renamed', fromVersion: 1, upcast: (d) => ({ fullName: d.name }) }],
    });
  });
  afterAll(() => db.drop());

  const ev = (n: number) => ({ type: 'Happened', data: { n } });

  describe('expected version', () => {
    it('creates a stream with no_stream and refuses a second creation with a typed conflict', async () => {
      const first = await store.appendToStream('s-1', 'thing', [ev(1), ev(2)], { expectedVersion: 'no_stream' });
      expect(first.nextVersion).toBe(2);
      expect(first.events.map((e) => e.streamVersion)).toEqual([1, 2]);
      const again = store.appendToStream('s-1', 'thing', [ev(3)], { expectedVersion: 'no_stream' });
      await expect(again).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(again).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', actual: 2 });
    });

    it('appends at an exact version and refuses a stale one', async () => {
      await store.appendToStream('s-2', 'thing', [ev(1)], { expectedVersion: 'no_stream' });
      await store.appendToStream('s-2', 'thing', [ev(2)], { expectedVersion: 1 });
      await expect(store.appendToStream('s-2', 'thing', [ev(3)], { expectedVersion: 1 })).rejects.toMatchObject({
        expected: 1,
        actual: 2,
      });
      expect((await store.readStream('s-2')).version).toBe(2);
    });

    it('checks an empty append against the expectation like any other, and changes no version', async () => {
      await store.appendToStream('s-empty', 'thing', [ev(1), ev(2)], { expectedVersion: 'no_stream' });
      expect(await store.appendToStream('s-empty', 'thing', [], { expectedVersion: 2 })).toEqual({ streamId: 's-empty', nextVersion: 2, events: [] });
      expect((await store.appendToStream('s-empty', 'thing', [], { expectedVersion: 'any' })).nextVersion).toBe(2);
      expect((await store.appendToStream('s-empty', 'thing', [], { expectedVersion: 'stream_exists' })).nextVersion).toBe(2);
      await expect(store.appendToStream('s-empty', 'thing', [], { expectedVersion: 1 })).rejects.toMatchObject({ expected: 1, actual: 2 });
      await expect(store.appendToStream('s-empty', 'thing', [], { expectedVersion: 'no_stream' })).rejects.toMatchObject({ actual: 2 });
      await expect(store.appendToStream('s-none', 'thing', [], { expectedVersion: 'stream_exists' })).rejects.toMatchObject({ actual: null });
      expect((await store.readStream('s-empty')).version).toBe(2);
    });

    it('appends with any, and stream_exists refuses a missing stream', async () => {
      expect((await store.appendToStream('s-3', 'thing', [ev(1)], { expectedVersion: 'any' })).nextVersion).toBe(1);
      expect((await store.appendToStream('s-3', 'thing', [ev(2)], { expectedVersion: 'any' })).nextVersion).toBe(2);
      await expect(store.appendToStream('s-missing', 'thing', [ev(1)], { expectedVersion: 'stream_exists' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect((await store.appendToStream('s-3', 'thing', [ev(3)], { expectedVersion: 'stream_exists' })).nextVersion).toBe(3);
    });

    it('lets exactly one of many concurrent writers at the same version win', async () => {
      await store.appendToStream('s-4', 'thing', [ev(0)], { expectedVersion: 'no_stream' });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.appendToStream('s-4', 'thing', [ev(i)], { expectedVersion: 1 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(failures).toHaveLength(7);
      for (const f of failures) expect(f.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream('s-4')).events).toHaveLength(2);
    });
  });

  it('stores metadata and upcasts old schema versions when reading', async () => {
    await store.appendToStream('s-5', 'thing', [{ type: 'Renamed', data: { name: 'Li' }, schemaVersion: 1 }], {
      expectedVersion: 'no_stream',
      metadata: { actor: { id: 'u1', role: 'admin' }, correlationId: 'c-1' },
    });
    const [event] = (await store.readStream('s-5')).events;
    expect(event).toMatchObject({ type: 'Renamed', schemaVersion: 2, data: { fullName: 'Li' } });
    expect(event.metadata).toMatchObject({ actor: { id: 'u1' }, correlationId: 'c-1' });
  });

  it('reads several streams in one call, including ones that do not exist', async () => {
    await store.appendToStream('multi-a', 'thing', [ev(1), ev(2)], { expectedVersion: 'no_stream' });
    await store.appendToStream('multi-b', 'thing', [ev(3)], { expectedVersion: 'no_stream' });
    const reads = await store.readStreams(['multi-a', 'multi-b', 'multi-none']);
    expect(reads.get('multi-a')).toMatchObject({ version: 2, events: [{ streamVersion: 1 }, { streamVersion: 2 }] });
    expect(reads.get('multi-b')?.version).toBe(1);
    expect(reads.get('multi-none')).toEqual({ streamId: 'multi-none', version: 0, events: [] });
  });

  it('reads a stream as it was at an earlier instant', async () => {
    await store.appendToStream('s-6', 'thing', [ev(1)], { expectedVersion: 'no_stream' });
    await new Promise((r) => setTimeout(r, 20));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await store.appendToStream('s-6', 'thing', [ev(2)], { expectedVersion: 1 });
    const past = await store.readStream('s-6', { asOf: between });
    expect(past.version).toBe(1);
    expect((await store.readStream('s-6')).version).toBe(2);
  });

  it('runs inline effects in the append transaction and rolls both back on failure', async () => {
    await db.pool.query('create table uniq (k text primary key)');
    const inline = async (client: import('pg').PoolClient) => {
      await client.query("insert into uniq values ('same')");
    };
    await store.appendToStream('s-7', 'thing', [ev(1)], { expectedVersion: 'no_stream', inline });
    await expect(store.appendToStream('s-8', 'thing', [ev(1)], { expectedVersion: 'no_stream', inline })).rejects.toMatchObject({
      code: '23505',
    });
    expect((await store.readStream('s-8')).version).toBe(0);
  });

  describe('reading all events in order', () => {
    it('never passes a transaction that is still open, even when later ones committed', async () => {
      const all = async () => (await store.readAll(LOG_START, 10_000)).map((e) => e.streamId);
      const held = await db.pool.connect();
      try {
        await held.query('begin');
        await store.appendWithin(held, 'slow', 'thing', [ev(1)], { expectedVersion: 'no_stream' });
        await store.appendToStream('fast', 'thing', [ev(1)], { expectedVersion: 'no_stream' });
        const whileHeld = await all();
        expect(whileHeld).not.toContain('slow');
        expect(whileHeld).not.toContain('fast');
        await held.query('commit');
      } finally {
        held.release();
      }
      await untilEarlierTransactionsEnd(db.pool); // other tests' transactions on the shared server
      const after = await all();
      expect(after.indexOf('slow')).toBeGreaterThanOrEqual(0);
      expect(after.indexOf('slow')).toBeLessThan(after.indexOf('fast'));
    });

    it('pages through the log from a position without repeating or skipping', async () => {
      const everything = await store.readAll(LOG_START, 10_000);
      const paged = [];
      let position = LOG_START;
      for (;;) {
        const page = await store.readAll(position, 3);
        if (!page.length) break;
        paged.push(...page);
        const last = page[page.length - 1];
        position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      }
      expect(paged.map((e) => e.eventId)).toEqual(everything.map((e) => e.eventId));
    });
  });
});
