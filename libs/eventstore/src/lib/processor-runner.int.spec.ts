import { createTestDatabase, eventually, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { PostgresEventStore } from './event-store.js';
import { ProcessorRunner } from './processor-runner.js';
import { rebuildProjection } from './rebuild.js';
import { pgTransact, type PgTx } from './sql-tx.js';
import type { Projection } from './processor.js';
import { CheckpointMismatchError, readCheckpoint, setCheckpoint, storeCheckpoints } from './checkpoints.js';
import { sharedTransact } from './shared-transaction.js';
import type { RecordedEvent } from './event.js';

describe('ProcessorRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let transact: ReturnType<typeof pgTransact>;

  const totals = (table: string, failOn?: number): Projection<PgTx> => ({
    id: `projection:${table}:v1`,
    handles: ['Added'],
    async handle(events, tx) {
      for (const e of events) {
        const amount = (e.data as { amount: number }).amount;
        if (amount === failOn) throw new Error('boom');
        await tx.query(
          `insert into ${table} (id, total) values ($1, $2) on conflict (id) do update set total = ${table}.total + $2`,
          [e.streamId, amount],
        );
      }
    },
    async reset(tx) {
      await tx.query(`delete from ${table}`);
    },
  });
  const total = async (table: string, id: string) =>
    Number((await db.pool.query(`select total from ${table} where id = $1`, [id])).rows[0]?.total ?? 0);

  beforeAll(async () => {
    db = await createTestDatabase('proc');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    await db.pool.query('create table t1 (id text primary key, total int not null)');
    await db.pool.query('create table t2 (id text primary key, total int not null)');
    await db.pool.query('create table t3 (id text primary key, total int not null)');
    store = new PostgresEventStore(db.pool);
    transact = pgTransact(db.pool);
  });
  afterAll(() => db.drop());

  it('applies each event once, across restarts, with the checkpoint in the same transaction', async () => {
    await store.appendToStream('a', 'counter', [{ type: 'Added', data: { amount: 2 } }, { type: 'Other', data: {} }], {
      expectedVersion: 'no_stream',
    });
    const runner = new ProcessorRunner(store, transact, totals('t1'));
    // a commit becomes visible once every older transaction of the cluster has ended (another
    // database's too): the reader waits for it, so the checks wait with it
    await eventually(async () => {
      await runner.catchUp();
      expect(await total('t1', 'a')).toBe(2);
    });
    await runner.catchUp();
    expect(await total('t1', 'a')).toBe(2);
    const restarted = new ProcessorRunner(store, transact, totals('t1'));
    await store.appendToStream('a', 'counter', [{ type: 'Added', data: { amount: 3 } }], { expectedVersion: 2 });
    await eventually(async () => {
      await restarted.catchUp();
      expect(await total('t1', 'a')).toBe(5);
    });
  });

  it('keeps neither effects nor checkpoint of a failed batch', async () => {
    await store.appendToStream('b', 'counter', [{ type: 'Added', data: { amount: 1 } }, { type: 'Added', data: { amount: 13 } }], {
      expectedVersion: 'no_stream',
    });
    const failing = new ProcessorRunner(store, transact, totals('t2', 13));
    await eventually(() => expect(failing.catchUp()).rejects.toThrow('boom'));
    expect(await total('t2', 'b')).toBe(0);
    // events before b's may have been applied in an earlier batch; b's own batch left no trace
    const before = await transact((tx) => readCheckpoint(tx, 'projection:t2:v1'));
    const [firstOfB] = (await store.readStream('b')).events;
    expect(BigInt(before.globalPosition)).toBeLessThan(BigInt(firstOfB.globalPosition));
  });

  it('runs one active instance per processor across replicas', async () => {
    await store.appendToStream('c', 'counter', [{ type: 'Added', data: { amount: 4 } }], { expectedVersion: 'no_stream' });
    const replicas = [1, 2, 3].map(() => new ProcessorRunner(store, transact, totals('t3'), { idleMs: 20, retryMs: 50 }));
    replicas.forEach((r) => r.start());
    await eventually(async () => expect(await total('t3', 'c')).toBe(4));
    await store.appendToStream('c', 'counter', [{ type: 'Added', data: { amount: 6 } }], { expectedVersion: 1 });
    await eventually(async () => expect(await total('t3', 'c')).toBe(10));
    const holders = await db.pool.query(
      "select count(*)::int as n from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())",
    );
    expect(holders.rows[0].n).toBe(1);
    await Promise.all(replicas.map((r) => r.stop()));
    expect(await total('t3', 'c')).toBe(10);
  });

  it('rebuilds a projection without `tables` from zero in one transaction while readers keep seeing the old rows', async () => {
    const projection = totals('t1');
    await new ProcessorRunner(store, transact, projection).catchUp();
    const expected = await total('t1', 'a');
    await db.pool.query("update t1 set total = -1 where id = 'a'"); // corrupt it
    const reader = await db.pool.connect();
    const slowProjection: Projection<PgTx> = {
      ...projection,
      async handle(events, tx) {
        await projection.handle(events, tx);
        const seen = await reader.query("select total from t1 where id = 'a'");
        expect(seen.rows[0].total).toBe(-1); // readers see the old rows mid-rebuild
      },
    };
    await rebuildProjection(store, transact, slowProjection);
    reader.release();
    expect(await total('t1', 'a')).toBe(expected);
  });

  it.each([
    ['in one transaction', (p: Projection<PgTx>) => p],
    ['into shadow tables', (p: Projection<PgTx>) => ({ ...p, tables: ['t1'] })],
  ])('rebuilds on an operator request, done by whichever replica holds the lease (%s)', async (_, declare) => {
    await db.pool.query("delete from es_rebuild_requests where processor_id = 'projection:t1:v1'");
    const runner = new ProcessorRunner(store, transact, declare(totals('t1')), { idleMs: 20, rebuildCheckMs: 20 });
    await runner.catchUp();
    const expected = await total('t1', 'a');
    await db.pool.query("update t1 set total = -5 where id = 'a'");
    runner.start();
    await db.pool.query("insert into es_rebuild_requests (processor_id) values ('projection:t1:v1')");
    await eventually(async () => {
      const { rows } = await db.pool.query("select done_at, events from es_rebuild_requests where processor_id = 'projection:t1:v1'");
      expect(rows[0].done_at).not.toBeNull();
      expect(rows[0].events).toBeGreaterThan(0);
    });
    expect(await total('t1', 'a')).toBe(expected);
    await runner.stop();
  });

  it('never moves its checkpoint past a transaction that is still open', async () => {
    await db.pool.query('create table t4 (id text primary key, total int not null)');
    const runner = new ProcessorRunner(store, transact, totals('t4'));
    await runner.catchUp();
    const held = await db.pool.connect();
    try {
      await held.query('begin');
      await store.appendWithin(held, 'late', 'counter', [{ type: 'Added', data: { amount: 1 } }], { expectedVersion: 'no_stream' });
      await store.appendToStream('early', 'counter', [{ type: 'Added', data: { amount: 2 } }], { expectedVersion: 'no_stream' });
      await runner.catchUp();
      expect(await total('t4', 'early')).toBe(0); // committed, but behind the open transaction
      await held.query('commit');
    } finally {
      held.release();
    }
    await eventually(async () => {
      await runner.catchUp();
      expect(await total('t4', 'late')).toBe(1);
      expect(await total('t4', 'early')).toBe(2);
    });
  });

  describe('sharing the log and skipping what a processor does not handle', () => {
    let shared: PostgresEventStore;
    beforeAll(() => {
      shared = new PostgresEventStore(db.pool); // a tail of its own, so the counts below are this test's
    });

    it('serves the processors of a store woken together from one read of the log, each event once and in order', async () => {
      const seen = new Map<string, string[]>();
      const recorder = (id: string) => ({
        id,
        async handle(events: readonly RecordedEvent[]) {
          seen.set(id, [...(seen.get(id) ?? []), ...events.map((e) => e.globalPosition)]);
        },
      });
      const runners = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => new ProcessorRunner(shared, transact, recorder(`recorder:${id}`)));
      // woken together: each asks for its next batch in the same turn, as after a poke
      const wakeAll = () => Promise.all(runners.map((r) => r.processBatch()));
      while ((await wakeAll()).some((n) => n > 0)) {
        // catch up with what earlier tests appended; then all stand at the same place
      }
      seen.clear();
      const before = shared.tail.stats.reads;
      let wakeUps = 0;
      const appended: string[] = [];
      for (let i = 0; i < 20; i++) {
        const { events } = await shared.appendToStream(`shared-${i}`, 'counter', [{ type: 'Added', data: { amount: 1 } }], { expectedVersion: 'no_stream' });
        appended.push(events[0].globalPosition);
        await eventually(async () => {
          wakeUps++;
          await wakeAll();
          for (const runner of runners) expect(seen.get(runner.processor.id)).toEqual(appended);
        });
      }
      // each wake-up of the five read the log once (a wake-up before the commit was visible included)
      expect(shared.tail.stats.reads - before).toBe(wakeUps);
    });

    it('moves past events it does not handle without a transaction, and stores that checkpoint once idle', async () => {
      await db.pool.query('create table t5 (id text primary key, total int not null)');
      let transactions = 0;
      const counted: typeof transact = (fn) => {
        transactions++;
        return transact(fn);
      };
      const runner = new ProcessorRunner(shared, counted, totals('t5'));
      await runner.catchUp();
      transactions = 0;
      await shared.appendToStream('skipped', 'counter', Array.from({ length: 30 }, () => ({ type: 'Other', data: {} })), { expectedVersion: 'no_stream' });
      const last = (await shared.readStream('skipped')).events.at(-1) as RecordedEvent;
      await eventually(async () => {
        await runner.catchUp();
        const checkpoint = await transact((tx) => readCheckpoint(tx, 'projection:t5:v1'));
        expect(checkpoint).toEqual({ transactionId: last.transactionId, globalPosition: last.globalPosition });
      });
      expect(transactions).toBe(0);
      // a handled event after them commits from that stored checkpoint
      await shared.appendToStream('skipped', 'counter', [{ type: 'Added', data: { amount: 7 } }], { expectedVersion: 30 });
      await eventually(async () => {
        await runner.catchUp();
        expect(await total('t5', 'skipped')).toBe(7);
      });
      expect(transactions).toBe(1);
    });

    it('reads its checkpoint again when another instance moved it, and goes on from there', async () => {
      await db.pool.query('create table t6 (id text primary key, total int not null)');
      const runner = new ProcessorRunner(shared, transact, totals('t6'));
      await runner.catchUp();
      await shared.appendToStream('moved', 'counter', [{ type: 'Added', data: { amount: 1 } }, { type: 'Added', data: { amount: 10 } }], { expectedVersion: 'no_stream' });
      const [first] = (await shared.readStream('moved')).events;
      // another replica applied the first event meanwhile (its effect and its checkpoint)
      await db.pool.query("insert into t6 (id, total) values ('moved', 1)");
      await transact((tx) => setCheckpoint(tx, 'projection:t6:v1', { transactionId: first.transactionId, globalPosition: first.globalPosition }));
      await eventually(async () => {
        const [second] = (await shared.readAll({ transactionId: first.transactionId, globalPosition: first.globalPosition }, 1));
        expect(second?.streamId).toBe('moved');
      });
      await expect(runner.processBatch()).rejects.toBeInstanceOf(CheckpointMismatchError);
      expect(await total('t6', 'moved')).toBe(1);
      await runner.catchUp();
      expect(await total('t6', 'moved')).toBe(11);
    });
  });

  it('stores the checkpoints of several processors in one compare-and-set statement, and refuses them all when one has moved', async () => {
    const at = (t: string, p: string) => ({ transactionId: t, globalPosition: p });
    await transact((tx) => setCheckpoint(tx, 'cas:a', at('10', '1')));
    await transact((tx) => setCheckpoint(tx, 'cas:b', at('10', '2')));
    await transact((tx) =>
      storeCheckpoints(tx, [
        { processorId: 'cas:a', expected: at('10', '1'), next: at('11', '5') },
        { processorId: 'cas:b', expected: at('10', '2'), next: at('11', '5') },
        { processorId: 'cas:new', expected: at('0', '0'), next: at('11', '5') },
      ]),
    );
    for (const id of ['cas:a', 'cas:b', 'cas:new']) expect(await transact((tx) => readCheckpoint(tx, id))).toEqual(at('11', '5'));

    const moved = transact((tx) =>
      storeCheckpoints(tx, [
        { processorId: 'cas:a', expected: at('11', '5'), next: at('12', '6') },
        { processorId: 'cas:b', expected: at('10', '2'), next: at('12', '6') },
      ]),
    );
    await expect(moved).rejects.toThrow(new CheckpointMismatchError('cas:b'));
    expect(await transact((tx) => readCheckpoint(tx, 'cas:a'))).toEqual(at('11', '5'));
  });

  it('runs processors woken together in one transaction with one checkpoint statement, and alone when one checkpoint moved', async () => {
    for (const table of ['s1', 's2', 's3']) await db.pool.query(`create table ${table} (id text primary key, total int not null)`);
    const statements: string[] = [];
    const counting: ReturnType<typeof pgTransact> = (fn) => transact((tx) => fn({ ...tx, query: (sql: string, params?: unknown[]) => (statements.push(sql), tx.query(sql, params)) }));
    const shared = sharedTransact(counting);
    const runners = ['s1', 's2', 's3'].map((t) => new ProcessorRunner(store, transact, totals(t), { batchTransact: shared }));
    // first at the head of the log (earlier tests' events), all at one place: until a wake-up of the
    // three together finds nothing for any of them
    for (;;) {
      const read = await Promise.all(runners.map((r) => r.processBatch()));
      if (read.every((n) => n === 0)) break;
    }
    const before = { ...shared.stats };
    statements.length = 0;
    await store.appendToStream('together', 'counter', [{ type: 'Added', data: { amount: 4 } }], { expectedVersion: 'no_stream' });
    await eventually(async () => {
      await Promise.all(runners.map((r) => r.processBatch()));
      for (const t of ['s1', 's2', 's3']) expect(await total(t, 'together')).toBe(4);
    });
    expect({ transactions: shared.stats.transactions - before.transactions, works: shared.stats.works - before.works }).toEqual({ transactions: 1, works: 3 });
    expect(statements.filter((sql) => sql.includes('es_checkpoints'))).toHaveLength(1);

    // another instance moved s2's checkpoint: the shared transaction is dropped, s1 and s3 apply alone, s2 reads its checkpoint again
    const s2 = await transact((tx) => readCheckpoint(tx, 'projection:s2:v1'));
    await store.appendToStream('together', 'counter', [{ type: 'Added', data: { amount: 1 } }], { expectedVersion: 1 });
    await eventually(async () => expect((await store.readAll(s2, 10)).length).toBe(1));
    const head = await store.readAll(s2, 10);
    await transact((tx) => setCheckpoint(tx, 'projection:s2:v1', { transactionId: head[0].transactionId, globalPosition: head[0].globalPosition }));
    const settled = await Promise.allSettled(runners.map((r) => r.processBatch()));
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([await total('s1', 'together'), await total('s2', 'together'), await total('s3', 'together')]).toEqual([5, 4, 5]);
    await runners[1].catchUp();
    expect(await total('s2', 'together')).toBe(4);
  });
});
