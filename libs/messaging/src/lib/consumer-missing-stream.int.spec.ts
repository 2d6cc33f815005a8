import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { EVENT_STORE_SCHEMA_SQL, pgTransact, type PgTx } from '@cs/eventstore';
import { createTestDatabase, eventually, testNatsUrl, uniqueId, type TestDatabase } from '@cs/testing';
import { ensureEventStream } from './provision.js';
import { DurableConsumer } from './durable-consumer.js';

/** A consumer started before its producer's stream exists: it says so once, and starts when the stream appears. */
describe('durable consumer of a stream that does not exist yet', () => {
  let db: TestDatabase;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    db = await createTestDatabase('missing');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
  });
  afterAll(async () => {
    await nc.drain();
    await db.drop();
  });

  it('reports the missing stream once, not every half second, and consumes once the stream is there', async () => {
    const prefix = uniqueId('m');
    const stream = `${prefix.toUpperCase()}_EVT`;
    const errors: unknown[] = [];
    const handled: string[] = [];
    const consumer = new DurableConsumer<PgTx>(jetstream(nc), jsm, {
      consumerId: `${prefix}__late`,
      stream,
      filterSubject: `${prefix}.evt.>`,
      transact: pgTransact(db.pool),
      onError: (error) => errors.push(error),
      handle: async (envelope) => void handled.push(envelope.id),
    });
    const waits: string[] = [];
    const told = new DurableConsumer<PgTx>(jetstream(nc), jsm, {
      consumerId: `${prefix}__told`,
      stream,
      filterSubject: `${prefix}.evt.>`,
      transact: pgTransact(db.pool),
      onError: (error) => errors.push(error),
      onStreamMissing: (id, missing) => waits.push(`${id} ${missing}`),
      handle: async () => undefined,
    });
    await told.start();
    await consumer.start();
    try {
      await new Promise((r) => setTimeout(r, 3_000));
      expect(errors).toHaveLength(1);
      expect(String((errors[0] as Error).message)).toMatch(/stream not found/i);
      // a consumer that is told of the wait apart hears of it once, and reports no error
      expect(waits).toEqual([`${prefix}__told ${stream}`]);

      await ensureEventStream(jsm, { name: stream, subjects: [`${prefix}.evt.>`] });
      await jetstream(nc).publish(`${prefix}.evt.Placed.v1`, JSON.stringify({ id: `${prefix}-1`, type: 'shop.Placed', data: {} }));
      await eventually(() => expect(handled).toEqual([`${prefix}-1`]), 8_000);
      expect(errors).toHaveLength(1);
    } finally {
      await told.stop();
      await consumer.stop();
      await jsm.streams.delete(stream).catch(() => undefined);
    }
  });
});
