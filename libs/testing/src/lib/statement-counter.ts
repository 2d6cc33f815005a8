import type { Pool, PoolClient } from 'pg';

export interface StatementCounter {
  /** Statements sent so far (while `counting()` held, when given). */
  statements(): number;
  /** Puts the pool's own methods back. */
  restore(): void;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Counts the statements (round trips) sent through a pool and the clients checked out of it,
 * when each is sent: `counting` (e.g. an AsyncLocalStorage's store) tells which caller to count,
 * so a service's background work on the same pool is left out.
 */
export function countStatements(pool: Pool, counting: () => boolean = () => true): StatementCounter {
  let statements = 0;
  const target = pool as unknown as { query: Query; connect: Query };
  const query = target.query;
  const connect = target.connect;
  const countedClient = (client: PoolClient) =>
    new Proxy(client, {
      get(c, key, receiver) {
        if (key === 'query') return (...args: unknown[]) => (statements++, (c.query as Query)(...args));
        const value = Reflect.get(c, key, receiver);
        return typeof value === 'function' ? value.bind(c) : value;
      },
    });
  target.query = function (this: unknown, ...args: unknown[]) {
    if (counting()) statements++;
    return query.apply(pool, args);
  };
  target.connect = function (this: unknown, ...args: unknown[]) {
    // the pool's own query() checks out a client with a callback: counted above
    if (args.length > 0 || !counting()) return connect.apply(pool, args);
    return (connect.apply(pool, []) as Promise<PoolClient>).then(countedClient);
  };
  return {
    statements: () => statements,
    restore: () => {
      target.query = query;
      target.connect = connect;
    },
  };
}

/**
 * Counts the statements a TypeORM transaction sends from now on (its COMMIT included): every
 * statement after the BEGIN goes through the transaction's query runner.
 */
export function countTransactionStatements(tx: { em: { queryRunner?: { query: (...args: never[]) => unknown } } }): () => number {
  const runner = tx.em.queryRunner;
  if (!runner) throw new Error('not a transaction: its entity manager has no query runner');
  let statements = 0;
  const query = runner.query.bind(runner) as (...args: unknown[]) => unknown;
  runner.query = ((...args: unknown[]) => (statements++, query(...args))) as typeof runner.query;
  return () => statements;
}
