// Fills an event log with generated events, server-side (insert … select generate_series: no
// round trip per row, faster than COPY from here), in transactions of `chunk` events so the log has
// many transaction ids as a real one does; then checks that the ordered reader's plans stay on
// the (transaction_id, global_position) index at that size. Used by scripts/bench.mjs; by hand:
//   node scripts/bench-seed-log.mjs --events 1000000 [--database bench_log] [--keep] [--rebuild]
// (10 million takes a few minutes and ~6 GB on an idle machine; measure at 1M and extrapolate
// on a shared one.)
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import { EVENT_STORE_SCHEMA_SQL, pgTransact, PostgresEventStore, READ_ALL_SQL, rebuildProjection } from '@cs/eventstore';
import { withDatabase } from '@cs/nest-common';

const EVENTS_PER_STREAM = 10;

/** Appends `count` events to the log of `pool` (on top of what is there). Returns seconds taken. */
export async function seedLog(pool, count, { chunk = 20_000 } = {}) {
  const started = performance.now();
  const { rows } = await pool.query("select count(*)::int as n from es_streams where stream_type = 'seed'");
  let stream = rows[0].n;
  for (let done = 0; done < count; done += chunk) {
    const events = Math.min(chunk, count - done);
    const streams = Math.ceil(events / EVENTS_PER_STREAM);
    await pool.query(
      `with s as (
         insert into es_streams (stream_id, stream_type, version)
         select 'seed-' || n, 'seed', $3::int from generate_series($1::int, $2::int) n returning stream_id)
       insert into es_events (event_id, stream_id, stream_type, stream_version, event_type, data, metadata)
       select gen_random_uuid(), s.stream_id, 'seed', v, 'SeedHappened',
              jsonb_build_object('complaintId', s.stream_id, 'description', 'Seam split after one wash', 'severity', 'P3', 'v', v),
              '{"actor":{"id":"seed","role":"admin"},"correlationId":"seed"}'::jsonb
         from s cross join generate_series(1, $3::int) v
        order by s.stream_id, v
        limit $4`,
      [stream + 1, stream + streams, EVENTS_PER_STREAM, events],
    );
    stream += streams;
  }
  await pool.query('analyze es_events');
  return (performance.now() - started) / 1000;
}

/**
 * EXPLAIN of the reader's own statements (the rebuild's ordered read and a processor's poll), at
 * the start and at the tail of the log: they must walk the (transaction_id, global_position)
 * index, never scan or sort the table. Returns the plans' scan lines.
 */
export async function checkReaderPlans(pool) {
  const { rows: tail } = await pool.query(
    'select transaction_id::text as t, global_position::text as p from es_events order by transaction_id desc, global_position desc limit 1 offset 1000',
  );
  const at = { fromStart: ['0', '0'], atTail: tail.length ? [tail[0].t, tail[0].p] : ['0', '0'] };
  const plans = {};
  for (const [name, [t, p]] of Object.entries(at)) {
    // processors read through the same statement (the store's shared log tail, after a checkpoint kept in memory)
    for (const [reader, sql, params] of [['readAll', READ_ALL_SQL, [t, p, 1000]]]) {
      const lines = (await pool.query(`explain ${sql}`, params)).rows.map((r) => r['QUERY PLAN']);
      const text = lines.join('\n');
      // a sort of the batch itself (at most `limit` rows, e.g. the poll's outer order) is fine; of the table, not
      const sorted = [...text.matchAll(/Sort {2}\(cost=[^ ]+ rows=(\d+)/g)].map((m) => Number(m[1]));
      const ok = text.includes('es_events_tx_pos') && !/Seq Scan on es_events/.test(text) && sorted.every((rows) => rows <= params.at(-1));
      plans[`${reader}:${name}`] = lines.map((l) => l.trim()).filter((l) => /Scan on es_events|Scan using es_events|Sort {2}/.test(l)).map((l) => l.replace(/\s+\(cost.*$/, ''));
      if (!ok) throw new Error(`the ordered reader left its index (${reader}, ${name}):\n${text}`);
    }
  }
  return plans;
}

/**
 * A projection that does what a typical one does per batch: one upsert of per-stream counts. It
 * declares its table, so it is rebuilt as the services' lists are: into a shadow copy, one short
 * transaction per batch, swapped in at the end.
 */
export const countingProjection = {
  id: 'projection:bench-counts:v1',
  tables: ['bench_counts'],
  async handle(events, tx) {
    const counts = new Map();
    for (const e of events) counts.set(e.streamType, (counts.get(e.streamType) ?? 0) + 1);
    await tx.query(
      `insert into bench_counts (stream_type, events) select * from unnest($1::text[], $2::int[])
       on conflict (stream_type) do update set events = bench_counts.events + excluded.events`,
      [[...counts.keys()], [...counts.values()]],
    );
  },
  async reset(tx) {
    await tx.query('delete from bench_counts');
  },
};

/** Rebuilds the counting projection from the first event; returns events/s. */
export async function rebuildRate(pool) {
  await pool.query('create table if not exists bench_counts (stream_type text primary key, events int not null)');
  const started = performance.now();
  const events = await rebuildProjection(new PostgresEventStore(pool), pgTransact(pool), countingProjection, 1000);
  return { events, eventsPerSec: Math.round(events / ((performance.now() - started) / 1000)) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const events = Number(arg('events', 1_000_000));
  const database = arg('database', `bench_log_${events}`);
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  // the rebuild holds its lease and its batch's transaction on two connections and reads on a third
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, database), max: 4 });
  pool.on('error', () => undefined); // an idle connection ended by the server is not a failure of the seed
  await pool.query(EVENT_STORE_SCHEMA_SQL);
  const seconds = await seedLog(pool, events);
  console.log(`[seed] ${events} events in ${seconds.toFixed(1)} s (${Math.round(events / seconds)} events/s) into ${database}`);
  console.log('[seed] reader plans:', JSON.stringify(await checkReaderPlans(pool), null, 1));
  if (process.argv.includes('--rebuild')) {
    const { events: rebuilt, eventsPerSec } = await rebuildRate(pool);
    console.log(`[seed] projection rebuild from zero: ${rebuilt} events, ${eventsPerSec} events/s`);
  }
  await pool.end();
  if (!process.argv.includes('--keep')) await admin.query(`drop database ${database} with (force)`);
  await admin.end();
}
