// The fault suite (`npm run faults`; `FAULTS_SHORT=1` or `--short` for the CI subset).
// Starts a private Postgres and NATS, every service of the registry and the gateway as separate
// processes, runs a steady load of idempotent commands through the gateway, injects one fault
// at a time and, after each, checks against the journal of acknowledged commands: nothing lost,
// nothing applied twice, read models and consumers caught up, the platform answering again,
// and every 5xx a problem+json. Prints a table, writes bench-results/faults-latest.json, and
// exits non-zero on any loss, duplicate, unexpected crash, or catch-up/recovery over 10 s.
// A fault ends when the faulty part is back (a killed process reports ready again, NATS listens
// again, the partition is healed); catch-up and recovery count from there, and `down s` is the
// time from the kill until the part was back (its boot included).
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { DiscardPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Cluster, freePort, httpOk, root, sleep, waitFor, JWT_SECRET } from './cluster.mjs';
import { startTcpProxy } from './tcp-proxy.mjs';
import { Load } from './load.mjs';
import { Checks } from './checks.mjs';

const { SERVICES, serviceEnvPrefix, serviceProcess } = await import(join(root, 'libs/platform/dist/index.js'));

const SHORT = process.env.FAULTS_SHORT === '1' || process.argv.includes('--short');
const LIMIT_S = 10;
const STEADY_MS = SHORT ? 2_000 : 3_000;
const MEMBER_DIRECTORY_CONSUMER = 'complaints__member-directory';

const cluster = new Cluster();
let checks;
let load;
let nc;
const say = (line) => console.log(`[faults] ${line}`);

async function cleanup() {
  await load?.stop().catch(() => undefined);
  await checks?.close().catch(() => undefined);
  await nc?.close().catch(() => undefined);
  await cluster.stop().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}

// ------------------------------------------------------------------ the platform
const ports = {};
const current = {}; // service → name of the process that currently runs it
let proxies;

async function startService(service, procName = service, extraEnv = {}) {
  const def = SERVICES.find((s) => s.name === service);
  ports[procName] ??= await freePort();
  const env = {
    DATABASE_URL: cluster.adminUrl,
    NATS_URL: cluster.natsUrl,
    HEALTH_PORT: String(ports[procName]),
    HOST: '127.0.0.1',
    JWT_SECRET,
    ...serviceEnv(service),
    ...extraEnv,
  };
  cluster.spawnNode(procName, serviceProcess(def), env);
  current[service] = procName;
  await waitFor(async () => (await httpOk(`http://127.0.0.1:${ports[procName]}/health/ready`)) || undefined, 60_000, `${procName} never became ready:\n${cluster.tail(procName)}`);
}

/** members reaches NATS through a proxy (partition fault); complaints reaches Postgres through one (slow database). */
function serviceEnv(service) {
  if (service === 'members') return { NATS_URL: `nats://127.0.0.1:${proxies.membersNats.port}` };
  if (service === 'complaints') return { [`${serviceEnvPrefix('complaints')}_DATABASE_URL`]: `postgres://postgres@127.0.0.1:${proxies.complaintsPg.port}/cs_complaints` };
  return {};
}

async function startGateway() {
  ports.gateway ??= await freePort();
  cluster.spawnNode('gateway', 'services/gateway/dist/main.js', {
    PORT: String(ports.gateway),
    HOST: '127.0.0.1',
    NATS_URL: cluster.natsUrl,
    JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '10000000',
  });
}

const base = () => `http://127.0.0.1:${ports.gateway}`;

// ------------------------------------------------------------------ measuring one fault
/** Seconds from `end` until the gateway is ready and a command is acknowledged. */
async function recovery(end) {
  const agent = `Bearer ${(await import('jsonwebtoken')).default.sign({ sub: 'faults-probe', role: 'hq_cs_agent', regionIds: ['R1'] }, JWT_SECRET, { expiresIn: '2h' })}`;
  const key = randomUUID();
  let last = 'nothing yet';
  await waitFor(
    async () => {
      const ready = await fetch(`${base()}/health/ready`, { signal: AbortSignal.timeout(2000) }).catch((e) => e);
      if (!ready.ok) {
        last = `ready: ${ready.status ?? ready.message} ${ready.text ? (await ready.text()).slice(0, 300) : ''}`;
        return undefined;
      }
      await ready.arrayBuffer();
      const res = await fetch(`${base()}/v1/complaints`, {
        method: 'POST',
        headers: { authorization: agent, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Probe', mobile: '13800000001' }, description: 'recovery probe' }),
        signal: AbortSignal.timeout(3000),
      });
      if (res.status !== 201) {
        last = `probe: ${res.status} ${(await res.text()).slice(0, 300)}`;
        return undefined;
      }
      const reply = await res.json();
      load.journal.push({ key, service: 'complaints', kind: 'complaint.filed', id: reply.id, version: reply.version, at: Date.now() });
      return true;
    },
    60_000,
    'the platform did not recover within 60 s',
    100,
  ).catch((error) => {
    throw new Error(`${error.message}; last answer: ${last}`);
  });
  return (Date.now() - end) / 1000;
}

/** Seconds from `end` until every read model reflects the commands acknowledged by then; `by`: per read model. */
async function catchUp(end) {
  const snapshot = load.journal.slice();
  let behind = [];
  const lastBehind = {};
  try {
    await waitFor(
      async () => {
        behind = await checks.behind(snapshot);
        for (const b of behind) lastBehind[b.split(' ').slice(0, 2).join(' ')] = Date.now();
        return behind.length === 0 ? true : undefined;
      },
      60_000,
      'not caught up',
      200,
    );
    const by = Object.fromEntries(Object.entries(lastBehind).map(([what, at]) => [what, round(Math.max(0, at - end) / 1000)]));
    return { seconds: (Date.now() - end) / 1000, behind: [], by };
  } catch {
    return { seconds: null, behind: behind.slice(0, 5) };
  }
}

async function runFault(fault) {
  say(`fault: ${fault.name}: ${fault.what}`);
  const window = load.openWindow(fault.name);
  const ackedBefore = load.counts.acked;
  await sleep(STEADY_MS);
  const extra = (await fault.inject()) ?? {};
  const end = Date.now();
  const [recoverySeconds, caught] = await Promise.all([recovery(end), catchUp(end)]);
  await sleep(500);
  const lost = await checks.lost(load.journal);
  const duplicated = await checks.duplicated();
  const verdict = fault.verify ? await fault.verify() : null;
  const result = {
    fault: fault.name,
    what: fault.what,
    acked: load.counts.acked - ackedBefore,
    lost: lost.length,
    duplicated: duplicated.length,
    catchUpSeconds: caught.seconds,
    recoverySeconds: round(recoverySeconds),
    http5xx: window.byStatus,
    http5xxNotProblemJson: window.notProblemJson,
    networkErrors: window.networkErrors,
    crashes: [...cluster.crashes],
    ...extra,
    ...(verdict ? { check: verdict } : {}),
  };
  if (caught.seconds !== null) result.catchUpSeconds = round(caught.seconds);
  if (caught.by) result.lastBehindSeconds = caught.by;
  if (caught.behind.length) result.behind = caught.behind;
  if (lost.length) result.lostSample = lost.slice(0, 5);
  if (duplicated.length) result.duplicatedSample = duplicated.slice(0, 5);
  result.failures = [
    ...(lost.length ? [`${lost.length} acknowledged commands lost`] : []),
    ...(duplicated.length ? [`${duplicated.length} commands applied twice`] : []),
    ...(caught.seconds === null ? ['never caught up'] : caught.seconds > LIMIT_S ? [`catch-up ${round(caught.seconds)} s > ${LIMIT_S} s`] : []),
    ...(recoverySeconds > LIMIT_S ? [`recovery ${round(recoverySeconds)} s > ${LIMIT_S} s`] : []),
    ...(window.notProblemJson ? [`${window.notProblemJson} 5xx answers not problem+json`] : []),
    ...(window.retryRefused?.length ? [`${window.retryRefused.length} retries under the same key refused: ${window.retryRefused[0]}`] : []),
    ...(cluster.crashes.length ? [`unexpected exits: ${cluster.crashes.join(', ')}`] : []),
    ...(verdict && verdict.ok === false ? [verdict.reason] : []),
  ];
  cluster.crashes.length = 0;
  say(`  ${result.failures.length ? 'FAIL' : 'ok'}: catch-up ${result.catchUpSeconds ?? '-'} s, recovery ${result.recoverySeconds} s, 5xx ${JSON.stringify(window.byStatus)}${result.failures.length ? `; ${result.failures.join('; ')}` : ''}`);
  return result;
}

const round = (n) => Math.round(n * 100) / 100;

// ------------------------------------------------------------------ the faults
/**
 * kill -9, a second's pause, and the same process started again; the fault ends when it reports
 * ready (`downSeconds`: from the kill until then, its boot included).
 */
const restart = (service, extraEnv = {}, { burst = 0 } = {}) => async () => {
  const name = current[service];
  if (burst) await load.burst(burst);
  const killedAt = Date.now();
  await cluster.kill(name, 'SIGKILL');
  await sleep(1000);
  await spawnService(service, name, extraEnv);
  await waitFor(async () => (await httpOk(`http://127.0.0.1:${ports[name]}/health/ready`)) || undefined, 60_000, `${name} never became ready again`);
  return { downSeconds: round((Date.now() - killedAt) / 1000) };
};

const spawnService = (service, name, extraEnv) =>
  cluster.spawnNode(name, serviceProcess(SERVICES.find((s) => s.name === service)), {
    DATABASE_URL: cluster.adminUrl,
    NATS_URL: cluster.natsUrl,
    HEALTH_PORT: String(ports[name]),
    HOST: '127.0.0.1',
    JWT_SECRET,
    ...serviceEnv(service),
    ...extraEnv,
  });

const membersStream = () => `MEMBERS_EVT`;

const FAULTS = [
  { name: 'none (baseline)', short: true, what: 'no fault: the steady load alone, for comparison', inject: async () => undefined },
  {
    name: 'kill-complaints',
    short: true,
    what: 'a burst of 150 registrations, then kill -9 of complaints (its consumer holding pulled messages), restarted after 1 s',
    inject: restart('complaints', {}, { burst: 150 }),
  },
  { name: 'kill-members', what: 'kill -9 of members, restarted after 1 s', inject: restart('members') },
  {
    name: 'kill-gateway',
    what: 'kill -9 of the gateway, restarted after 1 s',
    inject: async () => {
      const killedAt = Date.now();
      await cluster.kill('gateway', 'SIGKILL');
      await sleep(1000);
      await startGateway();
      await waitFor(async () => (await httpOk(`${base()}/health/live`)) || undefined, 60_000, 'the gateway never listened again');
      return { downSeconds: round((Date.now() - killedAt) / 1000) };
    },
  },
  {
    name: 'kill-nats',
    short: true,
    what: 'kill -9 of nats-server, restarted after 1 s on the same store',
    inject: async () => {
      const killedAt = Date.now();
      await cluster.kill('nats', 'SIGKILL');
      await sleep(1000);
      await cluster.startNats();
      return { downSeconds: round((Date.now() - killedAt) / 1000) };
    },
  },
  {
    name: 'postgres-immediate-restart',
    short: true,
    what: 'pg_ctl restart -m immediate',
    inject: async () => {
      await cluster.restartPostgresImmediate();
    },
  },
  {
    name: 'complaints-two-replicas-one-killed',
    what: 'a second complaints replica joins; a burst of 150 registrations; the first replica is killed -9 (the survivor carries on)',
    inject: async () => {
      const first = current.complaints;
      await startService('complaints', first === 'complaints' ? 'complaints-2' : 'complaints');
      await sleep(1000);
      await load.burst(150);
      await cluster.kill(first, 'SIGKILL');
    },
  },
  {
    name: 'partition-members-nats',
    what: 'members cut off from NATS for 5 s (connections held open, nothing moves), then healed',
    inject: async () => {
      proxies.membersNats.partition();
      await sleep(5000);
      proxies.membersNats.heal();
    },
  },
  {
    name: 'slow-postgres',
    what: 'every byte between complaints and Postgres delayed 300 ms for 5 s',
    inject: async () => {
      proxies.complaintsPg.delay(300);
      await sleep(5000);
      proxies.complaintsPg.heal();
    },
  },
  {
    name: 'clock-skew',
    what: 'complaints restarted with its clock 2 minutes ahead of the others (CLOCK_SKEW_MS)',
    inject: restart('complaints', { CLOCK_SKEW_MS: '120000' }),
  },
  {
    name: 'full-stream',
    what: "members' event stream limited to the messages it holds (publishes refused) for 4 s, then restored",
    inject: async () => {
      const jsm = await jetstreamManager(nc);
      const { config, state } = await jsm.streams.info(membersStream());
      await jsm.streams.update(membersStream(), { ...config, max_msgs: state.messages, discard: DiscardPolicy.New });
      await sleep(4000);
      await jsm.streams.update(membersStream(), { ...config, max_msgs: -1, discard: config.discard });
    },
  },
  {
    name: 'poison-message',
    short: true,
    what: 'two invalid messages published on members.evt.MemberActivated.v1 (not JSON; a payload failing its contract)',
    inject: async () => {
      const before = await checks.deadLetters('complaints', MEMBER_DIRECTORY_CONSUMER);
      const js = jetstream(nc);
      const encoder = new TextEncoder();
      await js.publish('members.evt.MemberActivated.v1', encoder.encode('{not json'), { msgID: randomUUID() });
      const bad = { id: randomUUID(), type: 'members.MemberActivated', version: 1, source: 'members', occurredAt: new Date().toISOString(), streamId: 'x', streamVersion: 1, data: { memberId: 42 } };
      await js.publish('members.evt.MemberActivated.v1', encoder.encode(JSON.stringify(bad)), { msgID: bad.id });
      poisonBaseline = before;
    },
    verify: async () => {
      try {
        await waitFor(async () => ((await checks.deadLetters('complaints', MEMBER_DIRECTORY_CONSUMER)) >= poisonBaseline + 2 ? true : undefined), 10_000, 'x');
        return { ok: true, deadLettered: 2 };
      } catch {
        return { ok: false, reason: 'the poison messages were not dead-lettered within 10 s' };
      }
    },
  },
];
let poisonBaseline = 0;

// ------------------------------------------------------------------ main
const results = [];
let exitCode = 1;
const started = Date.now();
try {
  await cluster.startPostgres();
  await cluster.startNats();
  say(`Postgres 127.0.0.1:${cluster.pgPort}, NATS 127.0.0.1:${cluster.natsPort}, work dir ${cluster.dir}`);
  proxies = {
    membersNats: await startTcpProxy(cluster.natsPort),
    complaintsPg: await startTcpProxy(cluster.pgPort),
  };
  cluster.proxies.push(...Object.values(proxies));
  for (const service of SERVICES) await startService(service.name);
  await startGateway();
  await waitFor(async () => (await httpOk(`${base()}/health/ready`)) || undefined, 60_000, `the gateway never became ready:\n${cluster.tail('gateway')}`);
  say(`platform up: ${SERVICES.map((s) => s.name).join(', ')}, gateway :${ports.gateway}${SHORT ? ' (short mode)' : ''}`);

  const db = (name) => {
    const u = new URL(cluster.adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  checks = new Checks({ members: db('cs_members'), complaints: db('cs_complaints') });
  nc = await connect({ servers: cluster.natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  load = new Load(base(), { clients: 8, thinkMs: Number(process.env.FAULTS_THINK_MS ?? 100) });
  load.start();

  // FAULTS_ONLY=kill-nats,poison-message runs just those (after the baseline).
  const only = process.env.FAULTS_ONLY?.split(',').map((f) => f.trim());
  const chosen = FAULTS.filter((f) => (only ? only.includes(f.name) || f.name.startsWith('none') : !SHORT || f.short));
  for (const fault of chosen) results.push(await runFault(fault));

  await load.stop();
  const final = await catchUp(Date.now());
  const lost = await checks.lost(load.journal);
  const duplicated = await checks.duplicated();
  const summary = {
    at: new Date().toISOString(),
    mode: SHORT ? 'short' : 'full',
    seconds: round((Date.now() - started) / 1000),
    clients: 8,
    thinkMs: load.thinkMs,
    acknowledgedCommands: load.journal.length,
    retries: load.counts.retries,
    refused4xx: load.counts.refused4xx,
    final: { lost: lost.length, duplicated: duplicated.length, caughtUp: final.seconds !== null, behind: final.behind },
    faults: results,
  };
  const failed = results.filter((r) => r.failures.length);
  if (lost.length || duplicated.length || final.seconds === null) failed.push({ fault: 'final', failures: ['final check failed'] });
  printTable(results, summary);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/faults-latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
  say('written to bench-results/faults-latest.json');
  if (failed.length) {
    say(`FAILED: ${failed.map((f) => `${f.fault} (${f.failures.join('; ')})`).join(', ')}`);
    for (const name of cluster.procs.keys()) if (name !== 'nats') console.error(`--- last lines of ${name}\n${cluster.tail(name, 8)}`);
  } else {
    exitCode = 0;
    say('passed');
  }
} catch (error) {
  console.error(`[faults] aborted: ${error?.stack ?? error}`);
  for (const name of cluster.procs.keys()) console.error(`--- last lines of ${name}\n${cluster.tail(name, 12)}`);
} finally {
  await cleanup();
}
process.exit(exitCode);

function printTable(rows, summary) {
  const header = ['fault', 'acked', 'lost', 'dup', 'down s', 'catch-up s', 'recovery s', '5xx (status:count)', 'non-problem 5xx', 'net errors', 'result'];
  const lines = rows.map((r) => [
    r.fault,
    String(r.acked),
    String(r.lost),
    String(r.duplicated),
    r.downSeconds === undefined ? '-' : String(r.downSeconds),
    r.catchUpSeconds === null ? 'never' : String(r.catchUpSeconds),
    String(r.recoverySeconds),
    Object.entries(r.http5xx).map(([s, n]) => `${s}:${n}`).join(' ') || '-',
    String(r.http5xxNotProblemJson),
    String(r.networkErrors),
    r.failures.length ? 'FAIL' : 'ok',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${fmt(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const l of lines) console.log(fmt(l));
  console.log(
    `\n${summary.acknowledgedCommands} acknowledged commands (${summary.retries} retries, ${summary.refused4xx} refused 4xx) in ${summary.seconds} s; ` +
      `final: lost ${summary.final.lost}, duplicated ${summary.final.duplicated}, caught up ${summary.final.caughtUp}\n`,
  );
}
