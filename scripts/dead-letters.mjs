// Messages a service's consumers parked as undeliverable, and re-driving them after a fix:
//   npm run dead-letters -- <service> list
//   npm run dead-letters -- <service> replay <id>|all
// Replay republishes the original payload and headers to the original subject (with a fresh
// Msg-Id, so JetStream does not drop it as a duplicate) and removes the row; the consumer's
// inbox never recorded a dead-lettered message, so it is applied exactly once when it succeeds.
import pg from 'pg';
import { connect, headers } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { serviceDatabaseUrl } from '@cs/nest-common';
import { serviceNames } from '@cs/platform';

const [service, action = 'list', which] = process.argv.slice(2);
if (!serviceNames().includes(service) || !['list', 'replay'].includes(action) || (action === 'replay' && !which)) {
  console.error('usage: npm run dead-letters -- <service> list | replay <id>|all');
  console.error(`       services: ${serviceNames().join(', ')}`);
  process.exit(2);
}
const db = new pg.Client({ connectionString: serviceDatabaseUrl(service) });
await db.connect();
const { rows } = await db.query(
  action === 'replay' && which !== 'all'
    ? 'select * from es_dead_letters where id = $1'
    : 'select * from es_dead_letters order by id',
  action === 'replay' && which !== 'all' ? [which] : [],
);
if (action === 'list') {
  for (const r of rows) {
    console.log(`${r.id}\t${r.created_at.toISOString()}\t${r.consumer_id}\t${r.subject}\tdeliveries=${r.deliveries}\t${r.message_id ?? '-'}\t${r.reason}`);
  }
  console.log(`${rows.length} dead letter(s)`);
} else {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const js = jetstream(nc);
  for (const r of rows) {
    const h = headers();
    for (const [key, value] of Object.entries(r.headers ?? {})) if (key.toLowerCase() !== 'nats-msg-id') h.set(key, String(value));
    await js.publish(r.subject, r.payload, { headers: h, msgID: `replay:${r.id}:${Date.now()}` });
    await db.query('delete from es_dead_letters where id = $1', [r.id]);
    console.log(`replayed ${r.id} to ${r.subject}`);
  }
  await nc.drain();
}
await db.end();
