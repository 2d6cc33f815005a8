import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { EVENT_STORE_SCHEMA_SQL, pgTransact, type PgTx, type Transact } from '@cs/eventstore';
import { createTestDatabase, eventually, testNatsUrl, uniqueId, type TestDatabase } from '@cs/testing';
import type { IntegrationEnvelope } from '@cs/contracts';
import { ensureEventStream } from './provision.js';
import { DurableConsumer, PermanentMessageError } from './durable-consumer.js';

/** A batching consumer: many messages per transaction, still exactly once, poison still isolated. */
describe('durable consumer applying batches (real Postgres and NATS)', () => {
  let db: TestDatabase;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const encoder = new TextEncoder();
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('batch');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    await db.pool.query('create table seen (id text primary key, n int not null)');
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await nc.drain();
    await db.drop();
  });

  /** A stream of its own per test, with `count` messages published before any consumer runs. */
  async function streamWith(count: number, data: (i: number) => Record<string, unknown> = () => ({})) {
    const prefix = uniqueId('b');
    const stream = `${prefix.toUpperCase()}_EVT`;
    await ensureEventStream(jsm, { name: stream, subjects: [`${prefix}.evt.>`] });
    closers.push(() => jsm.streams.delete(stream));
    const js = jetstream(nc);
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        js.publish(`${prefix}.evt.Placed.v1`, encoder.encode(JSON.stringify({ id: `${prefix}-${i}`, type: 'shop.Placed', data: data(i) })), { msgID: `${prefix}-${i}` }),
      ),
    );
    return { prefix, stream };
  }

  /** Counts the transactions and how many handler calls each made. */
  function counted(transact: Transact<PgTx>) {
    const handledPerTransaction: number[] = [];
    const wrapped: Transact<PgTx> = (fn) => {
      handledPerTransaction.push(0);
      const index = handledPerTransaction.length - 1;
      return transact((tx) => fn({ ...tx, query: (sql, params) => (sql.startsWith('insert into seen') && handledPerTransaction[index]++, tx.query(sql, params)) }));
    };
    return { transact: wrapped, handledPerTransaction };
  }

  async function consumerOf(stream: { prefix: string; stream: string }, options: { transact: Transact<PgTx>; conn?: NatsConnection; outcomes?: string[]; batches?: number[] }) {
    const conn = options.conn ?? nc;
    const consumer = new DurableConsumer<PgTx>(jetstream(conn), await jetstreamManager(conn), {
      consumerId: `${stream.prefix}__seen`,
      stream: stream.stream,
      filterSubject: `${stream.prefix}.evt.>`,
      transact: options.transact,
      maxBatch: 32,
      ackWaitMs: 1_000,
      backoffMs: [50],
      maxDeliver: 3,
      onOutcome: (_, outcome) => options.outcomes?.push(outcome),
      onBatch: (_, size) => options.batches?.push(size),
      handle: async (envelope: IntegrationEnvelope, tx: PgTx) => {
        const data = envelope.data as { poison?: boolean; flaky?: boolean };
        if (data.poison) throw new PermanentMessageError('payload can never be applied');
        if (data.flaky && !flakyFailed.has(envelope.id)) {
          flakyFailed.add(envelope.id);
          throw new Error('database hiccup');
        }
        await tx.query('insert into seen (id, n) values ($1, 1) on conflict (id) do update set n = seen.n + 1', [envelope.id]);
      },
    });
    await consumer.start();
    closers.push(() => consumer.stop());
    return consumer;
  }
  const flakyFailed = new Set<string>();
  const seen = async (prefix: string) => (await db.pool.query<{ id: string; n: number }>('select id, n from seen where id like $1', [`${prefix}-%`])).rows;

  it('applies 500 messages once each in far fewer transactions than messages', async () => {
    const s = await streamWith(500);
    const { transact, handledPerTransaction } = counted(pgTransact(db.pool));
    const batches: number[] = [];
    await consumerOf(s, { transact, batches });
    await eventually(async () => expect(await seen(s.prefix)).toHaveLength(500), 20_000, 100);
    expect((await seen(s.prefix)).every((r) => r.n === 1)).toBe(true);
    expect(handledPerTransaction.length).toBeLessThanOrEqual(500 / 4);
    expect(Math.max(...batches)).toBeLessThanOrEqual(32);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(500);
  }, 30_000);

  it('applies nothing twice when a whole committed batch is redelivered (the process died before its acks)', async () => {
    const s = await streamWith(40);
    const base = pgTransact(db.pool);
    let committed: (size: number) => void = () => undefined;
    const batchCommitted = new Promise<number>((resolve) => (committed = resolve));
    const { transact: dying, handledPerTransaction } = counted(base);
    // commits its first batch, then freezes before acknowledging anything
    let release: () => void = () => undefined;
    const freezeAfterCommit: Transact<PgTx> = async (fn) => {
      await dying(fn);
      committed(handledPerTransaction[0]);
      return new Promise((_, reject) => (release = () => reject(new Error('Connection terminated'))));
    };
    const conn = await connect({ servers: testNatsUrl(), name: 'dying' });
    await consumerOf(s, { transact: freezeAfterCommit, conn });
    const size = await batchCommitted;
    expect(size).toBeGreaterThan(1);
    await conn.close(); // as kill -9: the batch's messages are pulled, applied and not acknowledged
    release(); // lets the dead replica's loop end

    const outcomes: string[] = [];
    await consumerOf(s, { transact: base, outcomes });
    await eventually(async () => expect(outcomes.filter((o) => o === 'applied' || o === 'duplicate')).toHaveLength(40), 15_000, 100);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(size);
    const rows = await seen(s.prefix);
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 30_000);

  it('applies the rest of a batch around a poison message, which is dead-lettered as before; a transient failure is retried', async () => {
    const s = await streamWith(21, (i) => (i === 10 ? { poison: true } : i === 15 ? { flaky: true } : {}));
    const { transact, handledPerTransaction } = counted(pgTransact(db.pool));
    const outcomes: string[] = [];
    await consumerOf(s, { transact, outcomes });
    await eventually(async () => {
      expect(await seen(s.prefix)).toHaveLength(20);
      const dead = (await db.pool.query('select message_id, reason from es_dead_letters where consumer_id = $1', [`${s.prefix}__seen`])).rows;
      expect(dead).toEqual([{ message_id: `${s.prefix}-10`, reason: 'payload can never be applied' }]);
    }, 15_000, 100);
    expect(handledPerTransaction[0]).toBeGreaterThan(1); // the poison was met inside a batch
    expect((await seen(s.prefix)).every((r) => r.n === 1)).toBe(true);
    expect(outcomes.filter((o) => o === 'dead_lettered')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'retried')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(20);
  }, 30_000);
});
