// Gateway memory under a burst (a script, not a test). The gateway runs alone in a child
// process against stub services on NATS; this process sends BURST requests of the attack
// suite's kinds (valid reads and commands, bad bodies, 1 MB bodies, unknown routes, broken JSON)
// and prints the child's RSS and heap before, at peak and after.
// Run: npm run security:memory   (BURST, BURST_CONCURRENCY, BURST_KINDS=0,2,… to pick kinds)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';

const SECRET = 'memory-burst-secret';
const mib = (n) => Math.round((n / 1024 / 1024) * 10) / 10;

async function gatewayChild() {
  const { default: setup } = await import('../../libs/testing/global-setup.mjs');
  await setup();
  const { connect } = await import('@nats-io/transport-node');
  const { RpcServer } = await import('@cs/messaging');
  const { MembersRpc, ComplaintsRpc } = await import('@cs/contracts');
  const { createGatewayApp } = await import('../../services/gateway/src/gateway.app.ts');
  const prefix = `mb${randomBytes(4).toString('hex')}.`;
  const nc = await connect({ servers: process.env.TEST_NATS_URL });
  const stub = new RpcServer(nc, { subjectPrefix: prefix, queue: 'stub' });
  for (const subject of [...Object.values(MembersRpc), ...Object.values(ComplaintsRpc)]) {
    stub.handle(subject, async () => ({ id: 'X1', version: 1, items: [], nextCursor: null }));
  }
  const app = await createGatewayApp({ natsUrl: process.env.TEST_NATS_URL, jwtSecret: SECRET, subjectPrefix: prefix, logger: false, rateLimitPerMinute: 1e9 });
  await app.listen(0, '127.0.0.1');
  let peak = 0;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
  process.on('message', async (msg) => {
    if (msg === 'mem') {
      globalThis.gc?.();
      const m = process.memoryUsage();
      process.send({ rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), externalMiB: mib(m.external), peakRssMiB: mib(peak) });
      peak = 0;
    } else if (msg === 'stop') {
      await app.close();
      await stub.close();
      await nc.drain();
      process.exit(0);
    }
  });
  process.send({ port: app.getHttpServer().address().port });
}

async function burst() {
  const BURST = Number(process.env.BURST ?? 2000);
  const CONCURRENCY = Number(process.env.BURST_CONCURRENCY ?? 50);
  const child = fork(fileURLToPath(import.meta.url), ['--gateway'], {
    execArgv: ['--expose-gc', '--import', fileURLToPath(new URL('./ts-hooks.mjs', import.meta.url))],
  });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  const { port } = await next();
  const ask = async () => (child.send('mem'), next());
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const tokens = Array.from({ length: 20 }, (_, i) => jwt.sign({ sub: `u${i}`, role: 'store_staff', storeId: 'S001' }, SECRET, { expiresIn: '10m' }));
  const big = Buffer.from(JSON.stringify({ storeId: 'S001', name: 'x'.repeat(1024 * 1024 - 200), mobile: '13800000000' }));
  const allKinds = [
    (i) => ['GET', `/v1/members?limit=10&q=${i}`, undefined],
    (i) => ['GET', `/v1/members/M${i}`, undefined],
    (i) => ['POST', '/v1/members', JSON.stringify({ storeId: 'S001', name: `N${i}`, mobile: `138${String(i).padStart(8, '0')}` })],
    (i) => ['POST', '/v1/members', JSON.stringify({ storeId: 5, mobile: [i], extra: { deep: 'x' } })],
    () => ['POST', '/v1/members', big],
    (i) => ['GET', `/v1/no-such-route/${i}`, undefined],
    (i) => ['POST', `/v1/complaints/C${i}/classify`, '{"bad json'],
  ];
  const kinds = process.env.BURST_KINDS ? process.env.BURST_KINDS.split(',').map((k) => allKinds[Number(k)]) : allKinds;
  const send = (i) =>
    new Promise((resolve) => {
      const [method, path, body] = kinds[i % kinds.length](i);
      const headers = { authorization: `Bearer ${tokens[i % tokens.length]}`, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) };
      const req = request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', () => resolve(0));
      req.end(body);
    });
  await send(2);
  const before = await ask();
  const statuses = {};
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (n < BURST) {
        const status = await send(n++);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const after = await ask();
  await new Promise((r) => setTimeout(r, 2000));
  const settled = await ask();
  console.log(JSON.stringify({ burst: BURST, concurrency: CONCURRENCY, statuses, gateway: { before, after, settled } }, null, 2));
  agent.destroy();
  child.send('stop');
}

if (process.argv.includes('--gateway')) await gatewayChild();
else await burst();
