import { createTestDatabase, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { PostgresEventStore } from './event-store.js';
import { handleCommand } from './command-handler.js';
import { DomainError, IdempotencyKeyReusedError, WrongExpectedVersionError } from './errors.js';
import type { Decider } from './decider.js';
import type { Event } from './event.js';

type Added = Event<'Added', { amount: number }>;
type Counter = { total: number };
type Add = { amount: number };

const counter: Decider<Counter, Add, Added> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
  decide: (command, state) => {
    if (state.total + command.amount > 100) throw new DomainError('LIMIT', 'over the limit', 'rule');
    return [{ type: 'Added', data: { amount: command.amount } }];
  },
};

describe('handleCommand', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const spec = (id: string) => ({ streamId: `counter-${id}`, streamType: 'counter', decider: counter });

  beforeAll(async () => {
    db = await createTestDatabase('cmd');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('folds the stream, decides and appends at the version read', async () => {
    await handleCommand(store, spec('a'), { amount: 5 });
    const result = await handleCommand(store, spec('a'), { amount: 7 }, { toResult: (s) => ({ total: s.total }) });
    expect(result).toMatchObject({ version: 2, replayed: false, data: { total: 12 } });
  });

  it('returns the first result for a repeated command id without appending again', async () => {
    const first = await handleCommand(store, spec('b'), { amount: 5 }, { commandId: 'k-1' });
    const second = await handleCommand(store, spec('b'), { amount: 5 }, { commandId: 'k-1' });
    expect(second).toEqual({ ...first, replayed: true });
    expect((await store.readStream('counter-b')).events).toHaveLength(1);
  });

  it('has one effect when the same command id races with itself', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => handleCommand(store, spec('c'), { amount: 1 }, { commandId: 'k-race' })),
    );
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([1]));
    expect((await store.readStream('counter-c')).events).toHaveLength(1);
  });

  it('answers a retry that races the original with the first result, even when deciding again would fail', async () => {
    // the first command fills the counter to its limit, so a second decision would be refused
    await handleCommand(store, spec('h'), { amount: 90 });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => handleCommand(store, spec('h'), { amount: 10 }, { commandId: 'k-limit' })),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const versions = results.map((r) => (r as PromiseFulfilledResult<{ version: number }>).value.version);
    expect(new Set(versions)).toEqual(new Set([2]));
    expect((await store.readStream('counter-h')).events).toHaveLength(2);
  });

  it('refuses a reused key with a different request', async () => {
    await handleCommand(store, spec('d'), { amount: 1 }, { commandId: 'k-2' });
    await expect(handleCommand(store, spec('d'), { amount: 2 }, { commandId: 'k-2' })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('refuses a stale expected version instead of retrying', async () => {
    await handleCommand(store, spec('e'), { amount: 1 });
    await handleCommand(store, spec('e'), { amount: 1 });
    await expect(handleCommand(store, spec('e'), { amount: 1 }, { expectedVersion: 1 })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect((await handleCommand(store, spec('e'), { amount: 1 }, { expectedVersion: 2 })).version).toBe(3);
  });

  it('retries on a conflict when the caller gave no version, so concurrent commands all land', async () => {
    await Promise.all(Array.from({ length: 3 }, () => handleCommand(store, spec('f'), { amount: 1 })));
    expect((await store.readStream('counter-f')).version).toBe(3);
  });

  it('lets domain errors through and appends nothing', async () => {
    await expect(handleCommand(store, spec('g'), { amount: 101 })).rejects.toMatchObject({ code: 'LIMIT' });
    expect((await store.readStream('counter-g')).version).toBe(0);
  });

  describe('when the command is built from the folded state', () => {
    it('should give the hook the state and version it decides on, with no second read', async () => {
      await handleCommand(store, spec('hook-a'), { amount: 4 });
      const seen: Array<[number, number]> = [];
      const result = await handleCommand(
        store,
        spec('hook-a'),
        (state, version) => {
          seen.push([state.total, version]);
          return { amount: state.total };
        },
        { toResult: (s) => ({ total: s.total }) },
      );
      expect(seen).toEqual([[4, 1]]);
      expect(result).toMatchObject({ version: 2, data: { total: 8 } });
    });

    it('should run the hook again on fresh state when a conflict is retried', async () => {
      await handleCommand(store, spec('hook-b'), { amount: 1 });
      let raced = false;
      const seen: number[] = [];
      await handleCommand(store, spec('hook-b'), async (state, version) => {
        seen.push(version);
        if (!raced) {
          raced = true;
          await store.appendToStream('counter-hook-b', 'counter', [{ type: 'Added', data: { amount: 1 } }], { expectedVersion: version });
        }
        return { amount: state.total };
      });
      expect(seen).toEqual([1, 2]);
      const read = await store.readStream('counter-hook-b');
      expect(read.events.map((e) => (e.data as { amount: number }).amount)).toEqual([1, 1, 2]);
    });

    it('should answer a replayed command id without running the hook, and stop on the hook refusing', async () => {
      let calls = 0;
      const hook = () => {
        calls++;
        return { amount: 3 };
      };
      const first = await handleCommand(store, spec('hook-c'), hook, { commandId: 'k-hook', request: { amount: 3 } });
      const again = await handleCommand(store, spec('hook-c'), hook, { commandId: 'k-hook', request: { amount: 3 } });
      expect(calls).toBe(1);
      expect(again).toEqual({ ...first, replayed: true });
      const refusing = () => {
        throw new DomainError('NOPE', 'not visible', 'not_found');
      };
      await expect(handleCommand(store, spec('hook-c'), refusing)).rejects.toMatchObject({ code: 'NOPE' });
      expect((await store.readStream('counter-hook-c')).version).toBe(1);
    });

    it('should store the metadata built from the command it decided', async () => {
      await handleCommand(store, spec('hook-d'), () => ({ amount: 6 }), { metadata: (command) => ({ commandType: `add-${command.amount}` }) });
      expect((await store.readStream('counter-hook-d')).events[0].metadata).toMatchObject({ commandType: 'add-6' });
    });
  });
});
