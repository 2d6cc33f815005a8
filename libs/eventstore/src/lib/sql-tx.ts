import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './pg.js';

/** The one thing processors need from a transaction: run SQL and get rows back. */
export interface SqlTx {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** Opens a transaction, gives `fn` a handle to it, commits when `fn` resolves. */
export type Transact<Tx extends SqlTx> = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

export interface PgTx extends SqlTx {
  client: PoolClient;
}

/** A Transact over a plain pg pool. */
export function pgTransact(pool: Pool): Transact<PgTx> {
  return (fn) =>
    inTransaction(pool, (client) =>
      fn({
        client,
        query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
      }),
    );
}
