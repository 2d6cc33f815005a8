import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { DomainError } from '@cs/eventstore';
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { eventually, testNatsUrl, uniqueId } from '@cs/testing';
import { RpcClient, RpcServer, requireActor } from './rpc.js';
import { RpcError } from './rpc-error.js';

describe('RPC over NATS request/reply', () => {
  let nc: NatsConnection;
  let server: RpcServer;
  let client: RpcClient;
  const prefix = `${uniqueId()}.`;
  const errors: unknown[] = [];

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
    server = new RpcServer(nc, { subjectPrefix: prefix, queue: 'test', onError: (e) => errors.push(e) });
    server.handle('svc.rpc.Echo', async (payload, ctx) => ({ payload, actor: requireActor(ctx), ctx: { key: ctx.idempotencyKey, expected: ctx.expectedVersion, correlationId: ctx.correlationId } }));
    server.handle('svc.rpc.Refuse', async () => {
      throw new DomainError('NOPE', 'not allowed now', 'conflict', { why: 'state' });
    });
    server.handle('svc.rpc.Crash', async () => {
      throw new Error('secret stack detail');
    });
    server.handle('svc.rpc.Slow', () => new Promise((r) => setTimeout(() => r('late'), 500)));
    server.handle('svc.rpc.Slower', () => new Promise((r) => setTimeout(() => r('later'), 2000)));
    client = new RpcClient(nc, { subjectPrefix: prefix, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await server.close();
    await nc.drain();
  });

  it('carries actor, idempotency key, expected version and correlation id as headers', async () => {
    const reply = await client.call<any>('svc.rpc.Echo', { a: 1 }, { actor: { id: 'u1', role: 'admin' }, idempotencyKey: 'k', expectedVersion: 3, correlationId: 'corr' });
    expect(reply).toEqual({ payload: { a: 1 }, actor: { id: 'u1', role: 'admin' }, ctx: { key: 'k', expected: 3, correlationId: 'corr' } });
  });

  it('maps domain errors to typed errors and hides unexpected ones', async () => {
    await expect(client.call('svc.rpc.Refuse', {})).rejects.toMatchObject({ kind: 'conflict', code: 'NOPE', details: { why: 'state' } });
    const crash = (await client.call('svc.rpc.Crash', {}).catch((e) => e)) as RpcError;
    expect(crash).toMatchObject({ kind: 'internal', code: 'INTERNAL' });
    expect(crash.message).not.toContain('secret');
    expect(errors).toHaveLength(1);
  });

  it('answers unauthenticated when the actor is missing or malformed, without crashing the server', async () => {
    await expect(client.call('svc.rpc.Echo', {})).rejects.toMatchObject({ kind: 'unauthenticated', code: 'ACTOR_REQUIRED' });
    const h = headers();
    h.set('Actor', '{not json');
    const msg = await nc.request(`${prefix}svc.rpc.Echo`, '{}', { headers: h, timeout: 2000 });
    expect(msg.json()).toMatchObject({ ok: false, error: { kind: 'unauthenticated', code: 'INVALID_ACTOR' } });
    const bad = await nc.request(`${prefix}svc.rpc.Echo`, '{"a":', { timeout: 2000 });
    expect(bad.json()).toMatchObject({ ok: false, error: { kind: 'validation', code: 'INVALID_JSON' } });
  });

  it('reports no responder as unavailable at once and a slow one as a timeout', async () => {
    const started = Date.now();
    await expect(client.call('svc.rpc.Nobody', {}, { timeoutMs: 5000 })).rejects.toMatchObject({ kind: 'unavailable', code: 'SERVICE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(client.call('svc.rpc.Slow', {}, { timeoutMs: 100 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('keeps a slow request alive with heartbeats past the silence limit', async () => {
    // silence limit 3 x 200 ms, four times shorter than the handler
    const beating = new RpcClient(nc, { subjectPrefix: prefix, timeoutMs: 4000, heartbeatMs: 200 });
    await expect(beating.call('svc.rpc.Slower', {})).resolves.toBe('later');
  });

  it('fails a request in flight fast as unavailable when the service handling it dies', async () => {
    const doomed = await connect({ servers: testNatsUrl() });
    const dying = new RpcServer(doomed, { subjectPrefix: prefix, queue: 'doomed' });
    let received!: () => void;
    const arrived = new Promise<void>((r) => (received = r));
    dying.handle('svc.rpc.Hang', () => {
      received();
      return new Promise(() => undefined);
    });
    await doomed.flush();
    const beating = new RpcClient(nc, { subjectPrefix: prefix, timeoutMs: 5000, heartbeatMs: 200 });
    const started = Date.now();
    const call = beating.call('svc.rpc.Hang', {}).catch((e) => e);
    await arrived;
    await doomed.close();
    expect(await call).toMatchObject({ kind: 'unavailable', code: 'SERVICE_GONE' });
    expect(Date.now() - started).toBeLessThan(2500); // the timeout is 5 s
  });

  it('fails at once while the bus is unreachable, and works again once it is back', async () => {
    const proxy = await tcpProxy(new URL(testNatsUrl().replace('nats://', 'http://')));
    const viaProxy = await connect({ servers: `nats://127.0.0.1:${proxy.port}`, reconnectTimeWait: 100, maxReconnectAttempts: -1 });
    try {
      const cut = new RpcClient(viaProxy, { subjectPrefix: prefix, timeoutMs: 5000 });
      await expect(cut.call('svc.rpc.Echo', {}, { actor: { id: 'u1', role: 'admin' } })).resolves.toMatchObject({ payload: {} });
      const inFlight = cut.call('svc.rpc.Slow', {}).catch((e) => e);
      proxy.cut();
      const started = Date.now();
      expect(await inFlight).toMatchObject({ kind: 'unavailable', code: 'BUS_UNAVAILABLE' });
      await expect(cut.call('svc.rpc.Echo', {})).rejects.toMatchObject({ kind: 'unavailable', code: 'BUS_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(1000);
      proxy.restore();
      await eventually(() => cut.call('svc.rpc.Echo', {}, { actor: { id: 'u1', role: 'admin' } }), 10_000, 100);
    } finally {
      await viaProxy.close();
      proxy.close();
    }
  });
});

/** A TCP proxy to the real NATS whose connections can be cut (and new ones refused) on demand. */
async function tcpProxy(target: URL) {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server = createServer((client) => {
    if (refusing) return client.destroy();
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 4222) });
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      refusing = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      refusing = false;
    },
    close() {
      this.cut();
      server.close();
    },
  };
}
