import { withCheckpointsDeferred } from './checkpoints.js';
import type { SqlTx, Transact } from './sql-tx.js';

interface Pending<Tx> {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A Transact whose transactions, asked for in the same turn of the event loop, are one: the
 * processors a write wakes each commit a batch (their effects and their checkpoint), and one
 * BEGIN … COMMIT for all of them saves a round trip pair, a connection checkout and a WAL flush
 * per processor, and their checkpoints are stored in one statement. The works run one after the other in the order they were asked for. If any of
 * them fails, the shared transaction is rolled back and each runs again in a transaction of its
 * own, so only the failing one fails; a work may therefore run twice, which is only safe for
 * processors whose effects are all written through the transaction (`sharesTransaction`).
 */
export function sharedTransact<Tx extends SqlTx>(transact: Transact<Tx>): Transact<Tx> & { stats: { transactions: number; works: number } } {
  let pending: Pending<Tx>[] = [];
  const stats = { transactions: 0, works: 0 };
  const alone = (p: Pending<Tx>) => {
    stats.transactions++;
    transact(p.work).then(p.resolve, p.reject);
  };
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1) return alone(batch[0]);
    stats.transactions++;
    try {
      // the works' checkpoint moves go in one statement at the end (a moved one fails them all)
      const results = await transact((tx) =>
        withCheckpointsDeferred(tx, async () => {
          const out: unknown[] = [];
          for (const p of batch) out.push(await p.work(tx));
          return out;
        }),
      );
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch {
      batch.forEach(alone);
    }
  };
  const shared = (<T>(work: (tx: Tx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      stats.works++;
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    })) as Transact<Tx> & { stats: typeof stats };
  shared.stats = stats;
  return shared;
}
