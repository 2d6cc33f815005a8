import type { Pool, PoolClient } from 'pg';

/**
 * Runs `fn` on a client checked out of the pool. pg emits `error` on a checked-out client whose
 * connection dies (server restart, `pg_terminate_backend`) and the pool listens only to idle
 * ones: without a listener of our own that event is unhandled and ends the process. The error is
 * recorded here, the query in flight fails on its own, and the broken client is destroyed on
 * release instead of going back to the pool.
 */
export async function withClient<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  guardPoolClients(pool);
  const client = await pool.connect();
  guardClient(client);
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await fn(client);
  } catch (error) {
    if (isConnectionLost(error)) broken ??= error as Error;
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken ?? false);
  }
}

const guarded = new WeakSet<object>();
const ignore = () => undefined;

/** See guardPoolClients. */
export function guardClient(client: PoolClient): void {
  if (guarded.has(client)) return;
  guarded.add(client);
  client.on('error', ignore);
}

/**
 * Gives every client of the pool a listener for its whole life. The pool's own listener is off
 * while a client is checked out, and a client handed from one user to the next (released while
 * another waits) has none until the next user's code runs: if the rest of the same network read
 * is the server's "terminating connection", that `error` is emitted in the gap and ends the
 * process. (The per-use listener in `withClient` still learns that the client broke.)
 */
export function guardPoolClients(pool: Pool): void {
  if (guarded.has(pool)) return;
  guarded.add(pool);
  pool.on('connect', (client) => guardClient(client));
}

/** Runs `fn` in one READ COMMITTED transaction on a pooled client; rolls back on any error. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query('begin');
    try {
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  });
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/**
 * The database went away or refuses connections (not a bug, not bad input): connection
 * refused/reset, the server shutting down or starting (SQLSTATE 57P01-57P03), a connection
 * exception (class 08), the server out of resources (class 53: too many connections, disk
 * full, out of memory), or pg's own "Connection terminated".
 */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|57P0[1-3]|08[0-9A-Z]{3}|53[0-9A-Z]{3})$/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery)|Client has encountered a connection error/i.test(message);
}

/**
 * The database is too slow, not gone: a statement cancelled by `statement_timeout` (57014) or no
 * pooled connection within the pool's connection timeout.
 */
export function isDatabaseTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code === '57014') return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /timeout exceeded when trying to connect|Connection terminated due to connection timeout|Query read timeout/i.test(message);
}
