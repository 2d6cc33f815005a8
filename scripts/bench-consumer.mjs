// Times member events through the durable consumer into a member directory, standalone (no
// services): a backlog drained from JetStream, then a steady rate with the lag from publish to
// commit. Counts the consumer's transactions.
// Use: node --import ./scripts/security/ts-hooks.mjs scripts/bench-consumer.mjs
// Knobs: BENCH_CONSUMER_BACKLOG (5000), BENCH_CONSUMER_RATE (1000/s), BENCH_CONSUMER_SECONDS (5),
// BENCH_CONSUMER_MAX_BATCH (the directory's; 1 is one message per transaction).
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { EVENT_STORE_SCHEMA_SQL, pgTransact } from '@cs/eventstore';
import { DurableConsumer, ensureEventStream } from '@cs/messaging';
import { MEMBER_DIRECTORY_TABLE_SQL, memberDirectoryConsumer } from '@cs/nest-common';
import { createTestDatabase, testNatsUrl, uniqueId } from '@cs/testing';

const backlog = Number(process.env.BENCH_CONSUMER_BACKLOG ?? 5_000);
const rate = Number(process.env.BENCH_CONSUMER_RATE ?? 1_000);
const seconds = Number(process.env.BENCH_CONSUMER_SECONDS ?? 5);
const directory = memberDirectoryConsumer('bench');
const maxBatch = Number(process.env.BENCH_CONSUMER_MAX_BATCH ?? directory.maxBatch);

const db = await createTestDatabase('benchconsumer');
await db.pool.query(EVENT_STORE_SCHEMA_SQL);
await db.pool.query(MEMBER_DIRECTORY_TABLE_SQL);
const nc = await connect({ servers: testNatsUrl() });
const js = jetstream(nc);
const jsm = await jetstreamManager(nc);
const prefix = uniqueId('bench');
const stream = `${prefix.toUpperCase()}_MEMBERS_EVT`;
await ensureEventStream(jsm, { name: stream, subjects: [`${prefix}.members.evt.>`] });

const encoder = new TextEncoder();
let n = 0;
const event = () => {
  const i = n++;
  const at = new Date().toISOString();
  return {
    id: `evt-${i}`,
    type: 'members.MemberActivated',
    version: 1,
    source: 'members',
    occurredAt: at,
    streamId: `member-${i}`,
    streamVersion: 3,
    data: { memberId: `m-${i}`, memberNo: String(i).padStart(6, '0'), storeId: 'store-1', name: `Member ${i}`, status: 'active', tier: 'standard', activatedAt: at },
  };
};
const publish = (e) => js.publish(`${prefix}.members.evt.MemberActivated.v1`, encoder.encode(JSON.stringify(e)), { msgID: e.id });

// Each transaction's messages are committed when its transact resolves: the lag is measured there.
let transactions = 0;
let txMs = 0;
let inTx = [];
const lags = [];
const base = pgTransact(db.pool);
const transact = async (fn) => {
  transactions++;
  inTx = [];
  const began = Date.now();
  const result = await base(fn);
  const now = Date.now();
  txMs += now - began;
  for (const at of inTx) lags.push(now - at);
  return result;
};
const consumer = new DurableConsumer(js, jsm, {
  consumerId: 'bench__member-directory',
  stream,
  filterSubject: `${prefix}.members.evt.>`,
  transact,
  maxBatch,
  handle: async (envelope, tx) => {
    inTx.push(Date.parse(envelope.occurredAt));
    await directory.handle(envelope, tx);
  },
  handleBatch: async (envelopes, tx) => {
    for (const envelope of envelopes) inTx.push(Date.parse(envelope.occurredAt));
    await directory.handleBatch(envelopes, tx);
  },
  onError: (error) => console.error('consumer error', error),
});
const applied = async () => Number((await db.pool.query('select count(*) as n from es_processed_messages')).rows[0].n);
const until = async (count, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while ((await applied()) < count) {
    if (Date.now() > deadline) throw new Error(`only ${await applied()} of ${count} applied in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

try {
  await Promise.all(Array.from({ length: backlog }, () => publish(event())));
  const started = Date.now();
  await consumer.start();
  await until(backlog, 300_000);
  const drainMs = Date.now() - started;
  console.log(`max batch ${maxBatch}`);
  console.log(`backlog: ${backlog} messages in ${drainMs} ms = ${Math.round((backlog * 1000) / drainMs)} msgs/s, ${transactions} transactions taking ${txMs} ms`);

  transactions = 0;
  txMs = 0;
  lags.length = 0;
  const total = rate * seconds;
  const t0 = Date.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    void publish(event());
  }
  const sentMs = Date.now() - t0;
  await until(backlog + total, 120_000);
  console.log(
    `steady: ${total} messages at ${Math.round((total * 1000) / sentMs)}/s sent; lag p50 ${pct(lags, 50)} ms, p99 ${pct(lags, 99)} ms, max ${Math.max(...lags)} ms; ${transactions} transactions taking ${txMs} ms`,
  );
} finally {
  await consumer.stop();
  await jsm.streams.delete(stream).catch(() => undefined);
  await nc.drain();
  await db.drop();
}
