import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { EVENT_STORE_SCHEMA_SQL, pgTransact, type PgTx } from '@cs/eventstore';
import { createTestDatabase, eventually, testNatsUrl, uniqueId, type TestDatabase } from '@cs/testing';
import { ensureEventStream, CONSUMER_ACK_WAIT_MS } from './provision.js';
import { DurableConsumer } from './durable-consumer.js';

/**
 * A consumer process killed with messages pulled and not acknowledged: its messages come back
 * within seconds of the ack wait, and a surviving replica is never starved meanwhile.
 */
describe('durable consumer when a replica dies (real Postgres and NATS)', () => {
  let db: TestDatabase;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const prefix = `${uniqueId()}.`;
  const stream = `${prefix.slice(0, -1).toUpperCase()}_REDELIVERY_EVT`;
  const subject = `${prefix}shop.evt.Placed.v1`;
  const durable = 'redelivery__seen';
  const encoder = new TextEncoder();
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('redeliver');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    await db.pool.query('create table seen (id text primary key, by text not null)');
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
    await ensureEventStream(jsm, { name: stream, subjects: [`${prefix}shop.evt.>`] });
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await jsm.streams.delete(stream).catch(() => undefined);
    await nc.drain();
    await db.drop();
  });

  const publish = async (from: number, count: number) => {
    const js = jetstream(nc);
    for (let i = from; i < from + count; i++) {
      await js.publish(subject, encoder.encode(JSON.stringify({ id: `m-${i}`, type: 'shop.Placed', data: { i } })), { msgID: `m-${i}` });
    }
  };
  const seen = async () => (await db.pool.query<{ id: string; by: string }>('select id, by from seen')).rows;

  async function replica(name: string, hang = false) {
    const conn = await connect({ servers: testNatsUrl(), name });
    let release: (e: Error) => void = () => undefined;
    const consumer = new DurableConsumer<PgTx>(jetstream(conn), await jetstreamManager(conn), {
      consumerId: durable,
      stream,
      filterSubject: `${prefix}shop.evt.>`,
      // A stuck replica hangs before its transaction opens: an open one would hold back the
      // cluster-wide snapshot every event-log reader of other tests waits behind.
      transact: hang ? <T>() => new Promise<T>((_, reject) => (release = reject)) : pgTransact(db.pool),
      handle: async (envelope, tx) => {
        await tx.query('insert into seen (id, by) values ($1, $2)', [envelope.id, name]);
      },
    });
    await consumer.start();
    let killed = false;
    const kill = async () => {
      if (killed) return;
      killed = true;
      await conn.close(); // as kill -9: the connection drops with messages pulled and not acknowledged
      release(new Error('killed'));
      await consumer.stop();
    };
    closers.push(kill);
    return { kill };
  }

  it('updates a consumer made with older settings to the short ack wait', async () => {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${prefix}shop.evt.>`,
      ack_wait: nanos(60_000),
      max_deliver: 10,
      max_ack_pending: 1000,
    });
    const probe = await replica('probe');
    await eventually(async () => {
      const { config } = await jsm.consumers.info(stream, durable);
      expect(config.ack_wait).toBe(nanos(CONSUMER_ACK_WAIT_MS));
      expect(config.max_ack_pending).toBe(32);
    });
    await probe.kill();
  });

  it('does not starve the survivor, and redelivers what the dead replica held within seconds', async () => {
    await publish(0, 40);
    const dying = await replica('dying', true);
    await new Promise((r) => setTimeout(r, 500)); // it has pulled its batch and hangs on the first
    await replica('survivor');
    await publish(40, 20);
    // the survivor keeps consuming while the dying replica holds its batch
    await eventually(async () => expect((await seen()).filter((r) => r.by === 'survivor').length).toBeGreaterThanOrEqual(30), 5_000, 100);
    const killedAt = Date.now();
    await dying.kill();
    await eventually(async () => expect((await seen()).length).toBe(60), 10_000, 100);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect((await seen()).every((r) => r.by === 'survivor')).toBe(true);
  }, 30_000);
});
