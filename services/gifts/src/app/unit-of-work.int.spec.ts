import { DomainError, EVENT_STORE_SCHEMA_SQL, PostgresEventStore, WrongExpectedVersionError, type Decider, type Event } from '@cs/eventstore';
import { createTestDatabase, type TestDatabase } from '@cs/testing';
import { runUnit } from './unit-of-work.js';

type Moved = Event<'Moved', { delta: number }>;
type Account = { balance: number };

/** A toy ledger: never below zero. */
const ledger: Decider<Account, { delta: number }, Moved> = {
  initialState: () => ({ balance: 0 }),
  evolve: (s, e) => ({ balance: s.balance + e.data.delta }),
  decide: (c, s) => {
    if (s.balance + c.delta < 0) throw new DomainError('NEGATIVE', 'would go negative', 'rule');
    return [{ type: 'Moved', data: { delta: c.delta } }];
  },
};
const account = (id: string) => ({ streamId: `acct-${id}`, streamType: 'acct', decider: ledger });

describe('unit of work over several streams', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const balance = async (id: string) => (await store.readStream(account(id).streamId)).events.reduce((n, e) => n + (e.data as { delta: number }).delta, 0);
  const transfer = (from: string, to: string, amount: number, options: { retries?: number; expectedVersion?: number } = {}) =>
    runUnit(
      store,
      account(from).streamId,
      async (unit) => {
        await unit.decide(account(from), { delta: -amount });
        await unit.decide(account(to), { delta: amount });
        return {};
      },
      { metadata: {}, ...options },
    );

  beforeAll(async () => {
    db = await createTestDatabase('uow');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    store = new PostgresEventStore(db.pool);
    await runUnit(store, account('a').streamId, async (unit) => ((await unit.decide(account('a'), { delta: 10 })), {}), { metadata: {} });
  });
  afterAll(() => db.drop());

  it('appends every stream of the unit in one transaction, at the versions it read', async () => {
    const result = await transfer('a', 'b', 4);
    expect(result.events.map((e) => e.streamId).sort()).toEqual(['acct-a', 'acct-b']);
    expect([await balance('a'), await balance('b')]).toEqual([6, 4]);
  });

  it('commits nothing when one aggregate refuses', async () => {
    await expect(transfer('b', 'c', 5)).rejects.toMatchObject({ code: 'NEGATIVE' });
    expect([await balance('b'), await balance('c')]).toEqual([4, 0]);
  });

  it('re-decides a losing concurrent unit on the winner state, so the rule holds across streams', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => transfer('a', `t${i}`, 2)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as DomainError).code).toBe('NEGATIVE');
    expect(await balance('a')).toBe(0);
  });

  it('refuses a stale If-Match on the primary stream without retrying', async () => {
    await expect(transfer('b', 'd', 1, { expectedVersion: 7 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await balance('d')).toBe(0);
    await expect(transfer('b', 'd', 1, { expectedVersion: 1 })).resolves.toMatchObject({ version: 2 });
  });
});
