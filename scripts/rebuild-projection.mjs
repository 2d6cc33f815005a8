// Rebuilds a projection of a running service from the start of its log, without downtime:
//   npm run rebuild -- <service> <projection-id>
//   npm run rebuild -- complaints projection:complaint-list:v1
// It files a request in the service's database; the replica holding the projection's lease
// rebuilds it and marks it done. Readers see the old rows until the rebuilt ones replace them at
// once: a projection that declares its tables is replayed into shadow copies in short
// transactions and swapped in; one without is replayed in one transaction (see deploy/README.md).
import pg from 'pg';
import { serviceDatabaseUrl } from '@cs/nest-common';
import { serviceNames } from '@cs/platform';

const [service, processorId] = process.argv.slice(2);
if (!serviceNames().includes(service) || !processorId?.startsWith('projection:')) {
  console.error('usage: npm run rebuild -- <service> <projection-id>   (e.g. complaints projection:complaint-list:v1)');
  console.error(`       services: ${serviceNames().join(', ')}`);
  process.exit(2);
}
const client = new pg.Client({ connectionString: serviceDatabaseUrl(service) });
await client.connect();
const known = await client.query('select 1 from es_checkpoints where processor_id = $1', [processorId]);
if (!known.rowCount) {
  const { rows } = await client.query("select processor_id from es_checkpoints where processor_id like 'projection:%' order by 1");
  console.error(`No projection ${processorId} in ${service}. Known: ${rows.map((r) => r.processor_id).join(', ') || '(none yet)'}`);
  process.exit(2);
}
await client.query(
  `insert into es_rebuild_requests (processor_id) values ($1)
   on conflict (processor_id) do update set requested_at = now(), started_at = null, done_at = null, events = null`,
  [processorId],
);
console.log(`[rebuild] requested ${processorId} in ${service}; waiting for the replica that runs it…`);
const deadline = Date.now() + 30 * 60_000;
for (;;) {
  const { rows } = await client.query('select started_at, done_at, events from es_rebuild_requests where processor_id = $1', [processorId]);
  if (rows[0]?.done_at) {
    console.log(`[rebuild] done: ${rows[0].events} events replayed in ${rows[0].done_at - rows[0].started_at} ms`);
    break;
  }
  if (Date.now() > deadline) {
    console.error('[rebuild] not finished after 30 minutes; is the service running?');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}
await client.end();
