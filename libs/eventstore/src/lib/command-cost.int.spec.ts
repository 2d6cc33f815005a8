import { countStatements, createTestDatabase, type StatementCounter, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { PostgresEventStore } from './event-store.js';
import { handleCommand, type CommandLoad, type StreamSpec } from './command-handler.js';
import type { Decider } from './decider.js';
import type { Event } from './event.js';

type Added = Event<'Added', { amount: number }>;
type Counter = { total: number; count: number };
type Add = { amount: number };

const counter: Decider<Counter, Add, Added> = {
  initialState: () => ({ total: 0, count: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.amount, count: state.count + 1 }),
  decide: (command) => [{ type: 'Added', data: { amount: command.amount } }],
};

describe('the cost of a command', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let counting: StatementCounter;
  const spec = (id: string, schemaVersion = 1): StreamSpec<Counter, Add, Added> => ({
    streamId: `counter-${id}`,
    streamType: 'counter',
    decider: counter,
    snapshot: { schemaVersion, every: 50 },
  });

  /** Runs one command and tells what it read and how many statements it sent. */
  async function measured(id: string, options: { commandId?: string; schemaVersion?: number } = {}) {
    let load: CommandLoad | undefined;
    const before = counting.statements();
    const result = await handleCommand(store, spec(id, options.schemaVersion), { amount: 1 }, {
      commandId: options.commandId,
      toResult: (s) => ({ total: s.total, count: s.count }),
      onLoad: (l) => (load = l),
    });
    return { result, load: load!, statements: counting.statements() - before };
  }

  async function seed(id: string, events: number) {
    for (let done = 0; done < events; done += 1000) {
      const batch = Array.from({ length: Math.min(1000, events - done) }, () => ({ type: 'Added', data: { amount: 1 } }));
      await store.appendToStream(`counter-${id}`, 'counter', batch, { expectedVersion: done === 0 ? 'no_stream' : done });
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('cost');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    counting = countStatements(db.pool);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('should read the stream and append, with its idempotency record, in two statements', async () => {
    const plain = await measured('rt-a');
    const keyed = await measured('rt-b', { commandId: 'rt-key' });
    expect(plain.statements).toBe(2);
    expect(keyed.statements).toBe(2);
    const replay = await measured('rt-b', { commandId: 'rt-key' });
    expect(replay).toMatchObject({ statements: 1, result: { replayed: true, version: 1, eventIds: keyed.result.eventIds } });
    const { rows } = await db.pool.query('select result from es_command_log where command_id = $1', ['rt-key']);
    expect(rows[0].result).toMatchObject({ version: 1, data: { total: 1 } });
  });

  it('should give the command builder the versions of other streams from the same statement', async () => {
    await seed('watched', 3);
    const before = counting.statements();
    let seen: Array<[string, number]> = [];
    await handleCommand(store, spec('rt-watch'), (_state, _version, { versions }) => ((seen = [...versions]), { amount: 1 }), {
      versionsOf: ['counter-watched', 'counter-never-written'],
    });
    expect(counting.statements() - before).toBe(2);
    expect(seen).toEqual([
      ['counter-watched', 3],
      ['counter-never-written', 0],
    ]);
  });

  it('should leave no idempotency record when the append is refused', async () => {
    await seed('rt-c', 1);
    let raced = false;
    await handleCommand(store, spec('rt-c'), async (state, version) => {
      if (!raced) {
        raced = true;
        await store.appendToStream('counter-rt-c', 'counter', [{ type: 'Added', data: { amount: 1 } }], { expectedVersion: version });
      }
      return { amount: state.total };
    }, { commandId: 'rt-retried' });
    const { rows } = await db.pool.query('select result from es_command_log where command_id = $1', ['rt-retried']);
    expect(rows).toHaveLength(1);
    expect(rows[0].result).toMatchObject({ version: 3 });
  });

  it('should cost as much on a stream of 10,000 events as on a new one', async () => {
    await seed('long', 10_000);
    const rebuilding = await measured('long');
    expect(rebuilding.load).toEqual({ snapshotVersion: 0, eventsRead: 10_000 });
    expect(rebuilding.result.data).toEqual({ total: 10_001, count: 10_001 });

    const fresh = await measured('short');
    const long = await measured('long');
    expect(long.load).toEqual({ snapshotVersion: 10_001, eventsRead: 0 });
    expect(long.load.eventsRead).toBeLessThanOrEqual(fresh.load.eventsRead);
    expect(long.statements).toBe(fresh.statements);
    expect(long.result).toMatchObject({ version: 10_002, data: { total: 10_002, count: 10_002 } });
  });

  it('should take a new snapshot only after `every` events, and fold the ones since', async () => {
    for (let i = 0; i < 50; i++) await measured('every');
    const after50 = await measured('every');
    expect(after50.load).toEqual({ snapshotVersion: 50, eventsRead: 0 });
    for (let i = 0; i < 10; i++) await measured('every');
    const after61 = await measured('every');
    expect(after61.load).toEqual({ snapshotVersion: 50, eventsRead: 11 });
    expect(after61.result.data).toEqual({ total: 62, count: 62 });
  });

  it('should ignore a snapshot of another schema, fold from the first event, and replace it', async () => {
    await seed('schema', 60);
    await measured('schema', { schemaVersion: 1 });
    // a snapshot that the current evolve could not have produced: it must never be used
    await db.pool.query("update es_snapshots set state = '{\"total\": -1000, \"count\": -1000}' where stream_id = 'counter-schema'");

    const upgraded = await measured('schema', { schemaVersion: 2 });
    expect(upgraded.load).toEqual({ snapshotVersion: 0, eventsRead: 61 });
    expect(upgraded.result.data).toEqual({ total: 62, count: 62 });
    const { rows } = await db.pool.query("select schema_version, version, state from es_snapshots where stream_id = 'counter-schema'");
    expect(rows).toEqual([{ schema_version: 2, version: '62', state: { total: 62, count: 62 } }]);

    const next = await measured('schema', { schemaVersion: 2 });
    expect(next.load).toEqual({ snapshotVersion: 62, eventsRead: 0 });
    expect(next.result.data).toEqual({ total: 63, count: 63 });
  });

  it('should keep the snapshot with the events: a refused append writes neither', async () => {
    await seed('atomic', 49);
    await expect(
      handleCommand(store, spec('atomic'), { amount: 1 }, {
        inline: async () => {
          throw new Error('inline projection refused');
        },
      }),
    ).rejects.toThrow('inline projection refused');
    const { rows } = await db.pool.query("select 1 from es_snapshots where stream_id = 'counter-atomic'");
    expect(rows).toHaveLength(0);
    expect((await store.readStream('counter-atomic')).version).toBe(49);
  });

  it('should index the log only as its readers need it: by stream and version, and in commit order', async () => {
    const { rows } = await db.pool.query("select indexname from pg_indexes where tablename = 'es_events' order by indexname");
    expect(rows.map((r) => r.indexname)).toEqual(['es_events_pkey', 'es_events_tx_pos']);
  });
});
