import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcServer } from '@cs/messaging';
import { ComplaintsRpc } from '@cs/contracts';
import { testNatsUrl } from '@cs/testing';
import { createGatewayApp } from '../gateway.app.js';

const SECRET = 'rate-limit-secret';
const prefix = `t${randomBytes(6).toString('hex')}.`;
const bearer = (sub: string) => ({ authorization: `Bearer ${jwt.sign({ sub, role: 'hq_cs_manager' }, SECRET, { algorithm: 'HS256', expiresIn: '10m' })}` });

describe('Gateway rate limiting (real NATS, fake complaints service)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let fake: RpcServer;

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
    fake = new RpcServer(nc, { subjectPrefix: prefix, queue: 'fake' });
    fake.handle(ComplaintsRpc.ListComplaints, async () => ({ items: [], nextCursor: null }));
    app = await createGatewayApp({ natsUrl: testNatsUrl(), jwtSecret: SECRET, subjectPrefix: prefix, logger: false, rateLimitPerMinute: 3 });
  });
  afterAll(async () => {
    await fake?.close();
    await app?.close();
    await nc?.drain();
  });

  it('answers 429 problem+json with Retry-After past the limit, per caller, and never limits probes', async () => {
    const list = (sub: string) => app.inject({ method: 'GET', url: '/v1/complaints', headers: bearer(sub) });
    for (let i = 0; i < 3; i++) expect((await list('busy')).statusCode).toBe(200);
    const limited = await list('busy');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await list('quiet')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });
});
