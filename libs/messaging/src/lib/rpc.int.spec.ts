import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { DomainError } from '@cs/eventstore';
import { testNatsUrl, uniqueId } from '@cs/testing';
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

  it('reports no responder as unavailable and a slow one as a timeout', async () => {
    await expect(client.call('svc.rpc.Nobody', {})).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(client.call('svc.rpc.Slow', {}, { timeoutMs: 100 })).rejects.toMatchObject({ kind: 'timeout' });
  });
});
