import { sharedTransact } from './shared-transaction.js';
import type { SqlTx, Transact } from './sql-tx.js';

/** A fake Transact: records what each transaction wrote; a transaction that throws keeps nothing. */
function fakeDatabase() {
  const committed: string[][] = [];
  const transact: Transact<SqlTx & { writes: string[] }> = async (fn) => {
    const writes: string[] = [];
    const result = await fn({ writes, query: async () => [] });
    committed.push(writes);
    return result;
  };
  return { committed, transact };
}

describe('sharedTransact', () => {
  it('given three batches asked for in the same turn, when they run, then they commit in one transaction, in order', async () => {
    const db = fakeDatabase();
    const shared = sharedTransact(db.transact);
    const results = await Promise.all(['a', 'b', 'c'].map((name) => shared(async (tx) => (tx.writes.push(name), name.toUpperCase()))));
    expect(results).toEqual(['A', 'B', 'C']);
    expect(db.committed).toEqual([['a', 'b', 'c']]);
    expect(shared.stats).toEqual({ transactions: 1, works: 3 });
  });

  it('given one of them fails, when they run, then the shared transaction is dropped and the others commit alone', async () => {
    const db = fakeDatabase();
    const shared = sharedTransact(db.transact);
    const settled = await Promise.allSettled([
      shared(async (tx) => void tx.writes.push('a')),
      shared(async (tx) => {
        tx.writes.push('b');
        throw new Error('b failed');
      }),
      shared(async (tx) => void tx.writes.push('c')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('b failed'));
    expect(db.committed).toEqual([['a'], ['c']]);
  });

  it('given batches asked for in different turns, when they run, then each has its own transaction', async () => {
    const db = fakeDatabase();
    const shared = sharedTransact(db.transact);
    await shared(async (tx) => void tx.writes.push('a'));
    await shared(async (tx) => void tx.writes.push('b'));
    expect(db.committed).toEqual([['a'], ['b']]);
  });
});
