import pg from 'pg';
import { testPostgresUrl, uniqueId } from './infra.js';

export interface TestDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a fresh, uniquely named database for one test file; `drop()` removes it. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const admin = testPostgresUrl();
  const name = uniqueId(`${prefix}_`).toLowerCase();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = databaseUrl(admin, name);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // pg ends idle clients without waiting; the forced drop below may reach one first.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Waits until every transaction that began before this call has ended, anywhere on the server.
 * Event-log readers read only below the cluster-wide snapshot xmin, and integration tests share
 * one Postgres: a transaction of a test running alongside can hold a reader back for a moment.
 * Call it before a single `catchUp()` or `readAll()` whose result is asserted.
 */
export async function untilEarlierTransactionsEnd(pool: pg.Pool, timeoutMs = 10_000): Promise<void> {
  const { rows } = await pool.query<{ x: string }>('select pg_current_xact_id()::text as x');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows: now } = await pool.query<{ ok: boolean }>('select pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 as ok', [rows[0].x]);
    if (now[0].ok) return;
    if (Date.now() > deadline) throw new Error('a transaction older than this test step is still running on the server');
    await new Promise((r) => setTimeout(r, 20));
  }
}
