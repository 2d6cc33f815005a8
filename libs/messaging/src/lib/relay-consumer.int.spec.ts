import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { EVENT_STORE_SCHEMA_SQL, PostgresEventStore, ProcessorRunner, pgTransact, type PgTx } from '@cs/eventstore';
import { createTestDatabase, eventually, testNatsUrl, uniqueId, untilEarlierTransactionsEnd, type TestDatabase } from '@cs/testing';
import type { IntegrationEnvelope } from '@cs/contracts';
import { JetStreamRelay } from './relay.js';
import { ensureEventStream } from './provision.js';
import { DurableConsumer, PermanentMessageError } from './durable-consumer.js';

describe('relay and durable consumer (real Postgres and NATS)', () => {
  let db: TestDatabase;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let store: PostgresEventStore;
  const prefix = `${uniqueId()}.`;
  const stream = `${prefix.slice(0, -1).toUpperCase()}_SHOP_EVT`;
  const map = (e: { type: string; data: unknown }) =>
    e.type === 'Private' ? [] : [{ type: `shop.${e.type}`, version: 1, subject: `shop.evt.${e.type}.v1`, data: e.data as Record<string, unknown> }];

  beforeAll(async () => {
    db = await createTestDatabase('msg');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    await db.pool.query('create table seen (id text primary key, n int not null)');
    store = new PostgresEventStore(db.pool);
    nc = await connect({ servers: testNatsUrl() });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    await ensureEventStream(jsm, { name: stream, subjects: [`${prefix}shop.evt.>`] });
    await ensureEventStream(jsm, { name: stream, subjects: [`${prefix}shop.evt.>`] }); // idempotent
  });
  afterAll(async () => {
    await jsm.streams.delete(stream).catch(() => undefined);
    await nc.drain();
    await db.drop();
  });

  it('publishes mapped events once with the event id as Msg-Id; a republish is deduplicated', async () => {
    await store.appendToStream('order-1', 'order', [{ type: 'Placed', data: { n: 1 } }, { type: 'Private', data: {} }], {
      expectedVersion: 'no_stream',
      metadata: { correlationId: 'corr-1' },
    });
    const relay = new JetStreamRelay(js, 'shop', map, prefix);
    await untilEarlierTransactionsEnd(db.pool); // other tests' transactions on the shared server
    await new ProcessorRunner(store, pgTransact(db.pool), relay).catchUp();
    expect((await jsm.streams.info(stream)).state.messages).toBe(1);

    // a crash after the PubAck and before the checkpoint republishes the same batch
    const events = await store.readAll(undefined, 100);
    await relay.handle(events, null as never);
    expect((await jsm.streams.info(stream)).state.messages).toBe(1);
    const ack = await js.publish(`${prefix}shop.evt.Placed.v1`, new TextEncoder().encode('{}'), { msgID: events[0].eventId });
    expect(ack.duplicate).toBe(true);

    const msg = await (await js.streams.get(stream)).getMessage({ seq: 1 });
    const envelope = msg!.json<IntegrationEnvelope>();
    expect(envelope).toMatchObject({ id: events[0].eventId, type: 'shop.Placed', source: 'shop', streamId: 'order-1', streamVersion: 1, correlationId: 'corr-1', data: { n: 1 } });
    expect(msg!.header.get('Nats-Msg-Id')).toBe(events[0].eventId);
  });

  it('keeps the checkpoint when a publish fails, then publishes the batch once it can', async () => {
    await store.appendToStream('order-2', 'order', [{ type: 'Placed', data: { n: 2 } }, { type: 'Placed', data: { n: 3 } }], {
      expectedVersion: 'no_stream',
    });
    const before = (await jsm.streams.info(stream)).state.messages;
    let failures = 1;
    const flaky = (e: Parameters<typeof map>[0]) => {
      if ((e.data as { n?: number }).n === 3 && failures-- > 0) throw new Error('NATS unavailable');
      return map(e);
    };
    const runner = new ProcessorRunner(store, pgTransact(db.pool), new JetStreamRelay(js, 'shop', flaky, prefix));
    await untilEarlierTransactionsEnd(db.pool);
    await expect(runner.catchUp()).rejects.toThrow('NATS unavailable');
    const checkpoint = (await db.pool.query("select last_global_position from es_checkpoints where processor_id = 'relay:jetstream'")).rows[0];
    await runner.catchUp();
    expect((await jsm.streams.info(stream)).state.messages).toBe(before + 2); // n=2 was published twice, deduplicated once
    const after = (await db.pool.query("select last_global_position from es_checkpoints where processor_id = 'relay:jetstream'")).rows[0];
    expect(Number(after.last_global_position)).toBeGreaterThan(Number(checkpoint.last_global_position));
  });

  it('applies each message once, acks after commit, retries transient failures and dead-letters poison', async () => {
    const transact = pgTransact(db.pool);
    let failOnce = true;
    const consumer = new DurableConsumer<PgTx>(js, jsm, {
      consumerId: `${uniqueId('c')}`,
      stream,
      filterSubject: `${prefix}shop.evt.>`,
      transact,
      backoffMs: [50],
      maxDeliver: 3,
      handle: async (envelope: IntegrationEnvelope, tx: PgTx) => {
        const data = envelope.data as { n?: number; poison?: boolean; flaky?: boolean };
        if (data.poison) throw new PermanentMessageError('payload can never be applied');
        if (data.flaky && failOnce) {
          failOnce = false;
          throw new Error('database hiccup');
        }
        await tx.query('insert into seen (id, n) values ($1, $2) on conflict (id) do update set n = seen.n + $2', [envelope.id, data.n ?? 0]);
      },
    });
    await consumer.start();
    const send = (id: string, data: Record<string, unknown>) =>
      js.publish(`${prefix}shop.evt.Test.v1`, new TextEncoder().encode(JSON.stringify({ id, type: 'shop.Test', version: 1, source: 'test', occurredAt: new Date().toISOString(), streamId: 's', streamVersion: 1, data })));
    await send('m-dup', { n: 1 });
    // the same event again past the stream's dedupe (a different Msg-Id): the inbox absorbs it
    await js.publish(`${prefix}shop.evt.Test.v1`, new TextEncoder().encode(JSON.stringify({ id: 'm-dup', type: 'shop.Test', version: 1, source: 'test', occurredAt: '', streamId: 's', streamVersion: 1, data: { n: 1 } })), { msgID: 'another-attempt' });
    await send('m-flaky', { n: 5, flaky: true });
    await send('m-poison', { poison: true });
    await js.publish(`${prefix}shop.evt.Test.v1`, new TextEncoder().encode('not json'));

    await eventually(async () => {
      const rows = (await db.pool.query('select id, n from seen order by id')).rows;
      expect(rows).toEqual(expect.arrayContaining([{ id: 'm-dup', n: 1 }, { id: 'm-flaky', n: 5 }]));
      const dead = (await db.pool.query('select message_id, reason from es_dead_letters order by id')).rows;
      expect(dead).toHaveLength(2);
    }, 15_000);
    const dead = (await db.pool.query('select message_id, reason from es_dead_letters order by id')).rows;
    expect(dead.map((d) => d.reason)).toEqual(expect.arrayContaining(['payload can never be applied']));
    expect(dead.some((d) => d.message_id === null)).toBe(true); // the unparsable one
    expect((await db.pool.query("select n from seen where id = 'm-dup'")).rows[0].n).toBe(1);
    await consumer.stop();
  });
});
