import pg from 'pg';
import { createTestDatabase, eventually, untilEarlierTransactionsEnd, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { PostgresEventStore } from './event-store.js';
import { ProcessorRunner } from './processor-runner.js';
import { rebuildProjection, shadowSchemaOf } from './rebuild.js';
import { pgTransact, type PgTx } from './sql-tx.js';
import type { Processor, Projection } from './processor.js';

const STREAMS = 2_000;
const EVENTS_PER_STREAM = 10; // 20,000 events

describe('rebuildProjection of a projection that declares its tables', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let transact: ReturnType<typeof pgTransact>;

  /** Per-stream totals, one upsert per batch; `pause` seconds per batch make the rebuild last. */
  const totals = (table: string, options: { pause?: number; onBatch?: (n: number) => Promise<void>; failOnBatch?: number } = {}): Projection<PgTx> => {
    let batches = 0;
    return {
      id: `projection:${table}:v1`,
      handles: ['Added'],
      tables: [table],
      async handle(events, tx) {
        batches++;
        await options.onBatch?.(batches);
        if (batches === options.failOnBatch) throw new Error('boom');
        const sums = new Map<string, number>();
        for (const e of events) sums.set(e.streamId, (sums.get(e.streamId) ?? 0) + (e.data as { amount: number }).amount);
        await tx.query(
          `insert into ${table} (id, total) select * from unnest($1::text[], $2::int[])
           on conflict (id) do update set total = ${table}.total + excluded.total`,
          [[...sums.keys()], [...sums.values()]],
        );
        if (options.pause) await tx.query('select pg_sleep($1)', [options.pause]);
      },
      async reset(tx) {
        await tx.query(`delete from ${table}`);
      },
    };
  };

  /** Names of the table's indexes and constraints, and its serial column's sequence. */
  const shape = async (table: string) => ({
    indexes: (await db.pool.query(`select indexname from pg_indexes where schemaname = 'public' and tablename = $1 order by 1`, [table])).rows.map((r) => r.indexname),
    constraints: (await db.pool.query(`select conname from pg_constraint where conrelid = to_regclass($1) order by 1`, [table])).rows.map((r) => r.conname),
    sequence: (await db.pool.query(`select pg_get_serial_sequence($1, 'row_no') as s`, [table])).rows[0].s,
  });
  const summary = async (table: string, client: pg.ClientBase | pg.Pool = db.pool) =>
    (await client.query(`select count(*)::int as rows, coalesce(sum(total), 0)::int as sum from ${table}`)).rows[0] as { rows: number; sum: number };

  beforeAll(async () => {
    db = await createTestDatabase('rebuild');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    // seeded server-side, in transactions of 2,000 events (a log with many transaction ids)
    for (let first = 1; first <= STREAMS; first += 200) {
      await db.pool.query(
        `with s as (
           insert into es_streams (stream_id, stream_type, version)
           select 's-' || n, 'counter', $3::int from generate_series($1::int, $2::int) n returning stream_id)
         insert into es_events (event_id, stream_id, stream_type, stream_version, event_type, data, metadata)
         select gen_random_uuid(), s.stream_id, 'counter', v, 'Added', '{"amount":1}', '{}'
           from s cross join generate_series(1, $3::int) v order by s.stream_id, v`,
        [first, first + 199, EVENTS_PER_STREAM],
      );
    }
    store = new PostgresEventStore(db.pool);
    transact = pgTransact(db.pool);
  });
  afterAll(() => db.drop());

  /** A read model with named constraints, a custom index and a serial column, built by its live runner. */
  async function liveTable(table: string): Promise<{ rows: number; sum: number }> {
    await db.pool.query(`create table ${table} (
      id text constraint "PK_${table}_custom" primary key,
      total int not null constraint "CHK_${table}_total" check (total > -100),
      row_no bigserial)`);
    await db.pool.query(`create index "IDX_${table}_by_total" on ${table} (total desc) where total > 0`);
    const runner = new ProcessorRunner(store, transact, totals(table), { batchSize: 2000 });
    const { rows } = await db.pool.query(`select count(distinct stream_id)::int as rows, sum((data->>'amount')::int)::int as sum from es_events`);
    await eventually(async () => {
      await runner.catchUp();
      expect(await summary(table)).toEqual(rows[0]);
    });
    return rows[0];
  }

  it('holds no transaction longer than a few batches, ordered readers keep going, and readers of the model see old rows then new', async () => {
    await liveTable('r1');
    await db.pool.query('update r1 set total = -1'); // the old rows, told apart from the rebuilt ones
    const before = await shape('r1');

    // another processor of the same log, live during the rebuild
    await db.pool.query('create table seen (stream_id text primary key)');
    const other: Processor<PgTx> = {
      id: 'projection:seen:v1',
      async handle(events, tx) {
        await tx.query('insert into seen select unnest($1::text[]) on conflict do nothing', [events.map((e) => e.streamId)]);
      },
    };
    const otherRunner = new ProcessorRunner(store, transact, other, { batchSize: 5000, idleMs: 20 });
    await otherRunner.catchUp();
    otherRunner.start();

    const observer = new pg.Client({ connectionString: db.url });
    await observer.connect();
    const started = Date.now();
    let finished = 0;
    // 40 batches of 500 events, each pausing 0.1 s: the rebuild lasts 4 s or more
    const rebuild = rebuildProjection(store, transact, totals('r1', { pause: 0.1 }), { batchSize: 500 }).finally(() => {
      finished = Date.now();
    });
    let oldestTransaction = 0;
    let lateSeenAt = 0;
    let appended = false;
    const models: { rows: number; sum: number }[] = [];
    while (!finished) {
      const { rows } = await observer.query(
        `select coalesce(max(extract(epoch from clock_timestamp() - xact_start)), 0)::float as age
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
      );
      oldestTransaction = Math.max(oldestTransaction, rows[0].age);
      models.push(await summary('r1', observer));
      if (!appended && Date.now() - started > 1000) {
        appended = true;
        await store.appendToStream('late', 'counter', [{ type: 'Added', data: { amount: 5 } }], { expectedVersion: 'no_stream' });
      }
      if (!lateSeenAt && (await observer.query(`select 1 from seen where stream_id = 'late'`)).rowCount) lateSeenAt = Date.now();
      await new Promise((r) => setTimeout(r, 50));
    }
    const events = await rebuild;
    await otherRunner.stop();
    await observer.end();

    expect(finished - started).toBeGreaterThan(4000);
    expect(oldestTransaction).toBeLessThan(1.5);
    expect(lateSeenAt).toBeGreaterThan(0); // the other processor read an event appended mid-rebuild…
    expect(lateSeenAt).toBeLessThan(finished); // …before the rebuild ended
    // never empty, never partial: the old complete rows until the swap, then the new complete ones
    const old = { rows: STREAMS, sum: -STREAMS };
    const rebuilt = { rows: STREAMS + 1, sum: STREAMS * EVENTS_PER_STREAM + 5 };
    expect(models[0]).toEqual(old);
    const swappedAt = models.findIndex((m) => m.sum !== old.sum);
    expect(models.slice(0, swappedAt < 0 ? models.length : swappedAt).every((m) => m.rows === old.rows && m.sum === old.sum)).toBe(true);
    if (swappedAt >= 0) expect(models.slice(swappedAt).every((m) => m.rows === rebuilt.rows && m.sum === rebuilt.sum)).toBe(true);
    expect(await summary('r1')).toEqual(rebuilt);
    expect(events).toBe(STREAMS * EVENTS_PER_STREAM + 1);
    expect(await shape('r1')).toEqual(before); // later migrations find the names they know
  });

  it('includes events appended during the rebuild, hands over to the live runner at the swap, and leaves nothing behind after a failure', async () => {
    const log = await liveTable('r2');
    await db.pool.query('update r2 set total = -2');

    // a failed rebuild: the live table is untouched and its shadow is gone
    await expect(rebuildProjection(store, transact, totals('r2', { failOnBatch: 3 }), { batchSize: 1000 })).rejects.toThrow('boom');
    expect(await summary('r2')).toEqual({ rows: log.rows, sum: -2 * log.rows });
    const shadow = shadowSchemaOf('projection:r2:v1');
    expect((await db.pool.query('select 1 from pg_namespace where nspname = $1', [shadow])).rowCount).toBe(0);

    const appendDuring = totals('r2', {
      onBatch: async (n) => {
        if (n === 1) await store.appendToStream('during-r2', 'counter', [{ type: 'Added', data: { amount: 7 } }], { expectedVersion: 'no_stream' });
        // before batch 2 writes (no transaction id yet): the append becomes readable once every
        // older transaction of the shared server has ended
        if (n === 2) await untilEarlierTransactionsEnd(db.pool);
      },
    });
    await rebuildProjection(store, transact, appendDuring, { batchSize: 1000 });
    // in the result as soon as the rebuild returns, without the live runner
    expect((await db.pool.query(`select total from r2 where id = 'during-r2'`)).rows[0]?.total).toBe(7);
    const after = await summary('r2');
    expect(after).toEqual({ rows: log.rows + 1, sum: log.sum + 7 });
    expect((await db.pool.query('select 1 from pg_namespace where nspname = $1', [shadow])).rowCount).toBe(0);

    // the live runner goes on from the swap's checkpoint: nothing applied twice, new events applied
    await store.appendToStream('after-r2', 'counter', [{ type: 'Added', data: { amount: 3 } }], { expectedVersion: 'no_stream' });
    const live = new ProcessorRunner(store, transact, totals('r2'));
    await eventually(async () => {
      await live.catchUp();
      expect((await db.pool.query(`select total from r2 where id = 'after-r2'`)).rows[0]?.total).toBe(3);
    });
    expect(await summary('r2')).toEqual({ rows: after.rows + 1, sum: after.sum + 3 });
    expect((await db.pool.query(`select total from r2 where id = 's-1'`)).rows[0].total).toBe(EVENTS_PER_STREAM);
    // the serial column still draws from its sequence, owned by the new table
    await db.pool.query(`insert into r2 (id, total) values ('by-hand', 1)`);
    expect((await db.pool.query(`select pg_get_serial_sequence('r2', 'row_no') as s`)).rows[0].s).toBe('public.r2_row_no_seq');
  });
});
