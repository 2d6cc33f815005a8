// Benchmarks (a script, not a test). Prints figures and writes bench-results/latest.json.
// Runs against the local Postgres and NATS, isolated by fresh databases and subject prefixes;
// ratios against a baseline taken in the same run cancel out
// most of the machine's noise.
//   1. raw Postgres single-row insert transactions/s (baseline) vs event-store appends/s,
//      same concurrency, and their ratio;
//   2. command latency p50/p99 through the gateway's HTTP API at a stated load, with the
//      gateway and each service in its own process, as deployed;
//   3. lag p50/p99 from a member event (HQ approval) to the complaints member directory.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import jwt from 'jsonwebtoken';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { EVENT_STORE_SCHEMA_SQL, PostgresEventStore } from '@cs/eventstore';
import { eventStreamName, RpcClient } from '@cs/messaging';
import { withDatabase } from '@cs/nest-common';
import { MembersRpc } from '@cs/contracts';
import { databaseUrlVariable, SERVICES, serviceProcess } from '@cs/platform';
import { spawn } from 'node:child_process';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const HTTP_CLIENTS = Number(process.env.BENCH_HTTP_CLIENTS ?? 8);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 1000);
const LAG_SAMPLES = Number(process.env.BENCH_LAG_SAMPLES ?? 200);
const tag = randomBytes(4).toString('hex');
const children = [];
process.on('SIGINT', async () => {
  await stopChildren();
  process.exit(130);
});
const dbUrl = (name) => withDatabase(ADMIN_URL, name);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function withScratchDatabase(name, fn) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const pool = new pg.Pool({ connectionString: dbUrl(name), max: CONCURRENCY + 2 });
  pool.on('error', () => undefined);
  try {
    return await fn(pool);
  } finally {
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Runs `op(worker, i)` from `CONCURRENCY` workers for SECONDS; returns operations per second. */
async function throughput(op) {
  const deadline = Date.now() + SECONDS * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = 0; Date.now() < deadline; i++) {
        await op(worker, i);
        count++;
      }
    }),
  );
  return count / SECONDS;
}

async function benchAppends() {
  return withScratchDatabase(`bench_${tag}_es`, async (pool) => {
    await pool.query(EVENT_STORE_SCHEMA_SQL);
    await pool.query('create table raw_rows (id bigserial primary key, stream_id text not null, data jsonb not null)');
    const payload = { complaintId: 'c-1', description: 'Seam split after one wash', severity: 'P3', at: new Date().toISOString() };
    const raw = await throughput((w) => pool.query('insert into raw_rows (stream_id, data) values ($1, $2)', [`s-${w}`, payload]));
    const store = new PostgresEventStore(pool);
    const versions = new Array(CONCURRENCY).fill(0);
    const es = await throughput(async (w) => {
      const r = await store.appendToStream(`bench-${w}`, 'bench', [{ type: 'SomethingHappened', data: payload }], {
        expectedVersion: versions[w] === 0 ? 'no_stream' : versions[w],
        metadata: { actor: { id: 'bench', role: 'admin' }, correlationId: 'bench' },
      });
      versions[w] = r.nextVersion;
    });
    return { concurrency: CONCURRENCY, seconds: SECONDS, rawInsertTxPerSec: round(raw, 0), eventStoreAppendsPerSec: round(es, 0), ratio: round(es / raw, 3) };
  });
}

/** Starts a built service as its own process, as in production; resolves when it is listening. */
function spawnService(script, env) {
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of every process when it exits
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, script], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

async function waitUntilReady(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} never became ready`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function benchPlatform() {
  const prefix = `b${tag}.`;
  const secret = 'bench-secret-bench-secret-bench-secret';
  const gatewayPort = 13000 + Math.floor(Math.random() * 1000);
  const common = { DATABASE_URL: ADMIN_URL, NATS_URL, NATS_SUBJECT_PREFIX: prefix, JWT_SECRET: secret };
  // every service of the registry, each with a scratch database and the next port after the gateway's
  const benchDatabase = (service) => `bench_${tag}_${service.name.replace(/-/g, '_')}`;
  const servicePort = new Map(SERVICES.map((s, i) => [s.name, gatewayPort + 1 + i]));
  for (const service of SERVICES) {
    spawnService(serviceProcess(service), {
      ...common,
      [databaseUrlVariable(service.name)]: dbUrl(benchDatabase(service)),
      HEALTH_PORT: String(servicePort.get(service.name)),
    });
  }
  const complaintsDbUrl = dbUrl(benchDatabase({ name: 'complaints' }));
  spawnService('services/gateway/dist/main.js', { ...common, PORT: String(gatewayPort), HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '1000000' });
  const base = `http://127.0.0.1:${gatewayPort}`;
  await waitUntilReady(`${base}/health/ready`);
  const agent = jwt.sign({ sub: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1', 'R2', 'R3'] }, secret, { expiresIn: '1h' });
  const nc = await connect({ servers: NATS_URL });
  const complaintsDb = new pg.Pool({ connectionString: complaintsDbUrl, max: 2 });
  try {
    // 2. command latency through HTTP: file complaints from HTTP_CLIENTS concurrent clients
    const latencies = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: HTTP_CLIENTS }, async () => {
        while (next < HTTP_REQUESTS) {
          const i = next++;
          const t0 = performance.now();
          const res = await fetch(`${base}/v1/complaints`, {
            method: 'POST',
            headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
            body: JSON.stringify({ channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Bench', mobile: '13800000000' }, description: `bench ${i}` }),
          });
          await res.arrayBuffer();
          if (res.status !== 201) throw new Error(`unexpected ${res.status}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    // the service's own view of the same requests, from its /metrics: time inside the handler
    const serviceMetrics = await (await fetch(`http://127.0.0.1:${gatewayPort + 2}/metrics`)).text();
    const metric = (name) =>
      Number(serviceMetrics.split('\n').find((l) => l.startsWith(name) && l.includes('subject="complaints.rpc.FileComplaint"') && l.includes('outcome="ok"'))?.split(' ').pop());
    const serviceMeanMs = (metric('cs_rpc_duration_seconds_sum') / metric('cs_rpc_duration_seconds_count')) * 1000;
    const command = {
      operation: 'POST /v1/complaints (file a complaint: validate, RPC, fold, decide, append)',
      clients: HTTP_CLIENTS,
      requests: HTTP_REQUESTS,
      throughputPerSec: round(HTTP_REQUESTS / elapsed, 0),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      serviceHandlerMeanMs: round(serviceMeanMs),
    };

    // Let complaints' processors finish the burst first, so the lag below is measured on a
    // settled system (everything shares one process and two cores here).
    const settleStart = Date.now();
    for (;;) {
      const { rows } = await complaintsDb.query(
        'select (select count(*) from complaint_list_v1)::int as listed, (select count(*) from es_timers)::int as timers',
      );
      if (rows[0].listed >= HTTP_REQUESTS && rows[0].timers >= 4 * HTTP_REQUESTS) break;
      if (Date.now() - settleStart > 60_000) throw new Error('complaints projections did not catch up within 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    command.projectionsSettledAfterBurstMs = Date.now() - settleStart;

    // memory of each process after the burst (resident set, from its own /metrics)
    const rss = async (port) => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('process_resident_memory_bytes'));
      return round(Number(line?.split(' ').pop()) / 2 ** 20, 1);
    };
    command.residentMemoryMiB = { gateway: await rss(gatewayPort) };
    for (const [name, port] of servicePort) command.residentMemoryMiB[name] = await rss(port);

    // 3. lag from a member event to the complaints member directory
    const rpc = new RpcClient(nc, { subjectPrefix: prefix });
    const staff = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
    const lags = [];
    const relayLags = [];
    const seenOnBus = new Map();
    const sub = nc.subscribe(`${prefix}members.evt.>`, {
      callback: (_err, msg) => {
        const id = JSON.parse(new TextDecoder().decode(msg.data)).data.memberId;
        seenOnBus.set(id, performance.now());
      },
    });
    for (let i = 0; i < LAG_SAMPLES; i++) {
      const mobile = `137${String(i).padStart(8, '0')}`;
      // t0: the submit has committed its event (the RPC answers after the commit)
      const { id } = await rpc.call(MembersRpc.SubmitApplication, { storeId: 'S001', name: `Bench ${i}`, mobile }, { actor: staff });
      const t0 = performance.now();
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await complaintsDb.query('select 1 from member_directory where member_id = $1', [id]);
        if (rows.length) break;
        if (Date.now() > deadline) throw new Error('member never reached the directory');
        await new Promise((r) => setTimeout(r, 1));
      }
      lags.push(performance.now() - t0);
      if (seenOnBus.has(id)) relayLags.push(seenOnBus.get(id) - t0);
    }
    sub.unsubscribe();
    const lag = {
      path: 'MemberApplicationSubmitted committed → relay → JetStream → complaints durable consumer → member_directory commit',
      samples: LAG_SAMPLES,
      p50Ms: round(percentile(lags, 50)),
      p99Ms: round(percentile(lags, 99)),
      relayP50Ms: round(percentile(relayLags, 50)),
      relayP99Ms: round(percentile(relayLags, 99)),
    };
    return { command, lag };
  } finally {
    await complaintsDb.end();
    await nc.drain();
    await stopChildren();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    for (const s of SERVICES) await admin.query(`drop database if exists ${benchDatabase(s)} with (force)`);
    await admin.end();
    const jsm = await jetstreamManager(await connect({ servers: NATS_URL }));
    const streamPrefix = prefix.toUpperCase().replace(/[^A-Z0-9]/g, '_');
    for (const s of SERVICES) await jsm.streams.delete(eventStreamName(s.name, streamPrefix)).catch(() => undefined);
  }
}

async function stopChildren() {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once('exit', r)))));
}

const appends = await benchAppends();
console.log(`[bench] appends: raw insert ${appends.rawInsertTxPerSec} tx/s, event store ${appends.eventStoreAppendsPerSec} appends/s, ratio ${appends.ratio} (concurrency ${CONCURRENCY})`);
const { command, lag } = await benchPlatform();
console.log(`[bench] gateway command latency at ${command.clients} concurrent clients: p50 ${command.p50Ms} ms, p99 ${command.p99Ms} ms, ${command.throughputPerSec} req/s; mean time inside the complaints handler ${command.serviceHandlerMeanMs} ms; complaints projections settled ${command.projectionsSettledAfterBurstMs} ms after the burst`);
console.log(`[bench] resident memory after the burst (MiB): ${Object.entries(command.residentMemoryMiB).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`[bench] member event → complaints directory lag: p50 ${lag.p50Ms} ms, p99 ${lag.p99Ms} ms (${lag.samples} samples); of which log → bus (relay): p50 ${lag.relayP50Ms} ms, p99 ${lag.relayP99Ms} ms`);
const result = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
  appends,
  command,
  lag,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
console.log('[bench] written to bench-results/latest.json');
process.exit(0);
