import pg from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { guardClient, guardPoolClients } from '@cs/eventstore';

/** Replaces the database name in a Postgres URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The service's database URL: `<SERVICE>_DATABASE_URL`, else `DATABASE_URL` with database `cs_<service>`. */
export function serviceDatabaseUrl(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`];
  if (own) return own;
  const base = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withDatabase(base, `cs_${service.replace(/-/g, '_')}`);
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsupported database name: ${name}`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  admin.on('error', () => undefined); // a dropped connection fails the query in flight instead
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      try {
        await admin.query(`create database ${name}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently
      }
    }
  } finally {
    await admin.end();
  }
}

/**
 * Set on every service connection: a transaction left open by a stuck or half-dead caller is
 * ended by the server. An open one holds back the cluster-wide snapshot xmin that every event-log
 * reader waits behind (projections, relays and timers of every service on that Postgres stall).
 */
export const SESSION_OPTIONS = '-c idle_in_transaction_session_timeout=30000';

export function createPool(url: string, max = 10): pg.Pool {
  // A bounded wait for a connection: a starved pool fails a request instead of hanging it.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000, options: SESSION_OPTIONS });
  // An idle client dropped by the server (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  guardPoolClients(pool);
  return pool;
}

export interface DataSourceOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** A TypeORM data source for read models; migrations are SQL classes, never `synchronize`. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const ds = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      options: SESSION_OPTIONS,
      // TypeORM listens on a client only once a query runner holds it: the hand-over gap of guardClient.
      onConnect: (client: pg.PoolClient) => guardClient(client),
    },
    // TypeORM listens on its own checked-out clients; idle ones dropped by the server land here.
    poolErrorHandler: () => undefined,
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
