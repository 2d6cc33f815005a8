import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect as connectSocket, type AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcServer } from '@cs/messaging';
import { MembersRpc } from '@cs/contracts';
import { createGatewayApp } from '../gateway.app.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SECRET = 'hardening-secret';
const prefix = `t${randomBytes(6).toString('hex')}.`;
const bearer = (claims: Record<string, unknown>) => `Bearer ${jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: '10m' })}`;
const staff = { authorization: bearer({ sub: 'u-store', role: 'store_staff', storeId: 'S001' }), 'content-type': 'application/json' };
const application = { storeId: 'S001', name: 'Wang Fang', mobile: '13812341234', gender: 'female' };

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('Gateway hardening (hostile input, headers)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let members: RpcServer;
  let port: number;
  let calls = 0;

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    members = new RpcServer(nc, { subjectPrefix: prefix, queue: 'fake-members' });
    members.handle(MembersRpc.SubmitApplication, async () => {
      calls++;
      return { id: 'M1', version: 1, status: 'pending_review' };
    });
    members.handle(MembersRpc.ListMembers, async () => {
      calls++;
      return { items: [], nextCursor: null };
    });
    app = await createGatewayApp({ natsUrl: NATS_URL, jwtSecret: SECRET, subjectPrefix: prefix, rpcTimeoutMs: 500, logger: false });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await members?.close();
    await app?.close();
    await nc?.drain();
  });

  const post = (url: string, payload: string, headers: Record<string, string> = staff) =>
    app.inject({ method: 'POST', url, headers, payload });
  const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json: () => any }) => {
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    return res.json();
  };
  const fieldsOf = (res: { statusCode: number; headers: Record<string, unknown>; json: () => any }) =>
    problemOf(res).errors.map((e: { field: string }) => e.field);

  /** A real HTTP request over a socket (inject bypasses Node's HTTP parser). */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<Raw>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  describe('when a text has a lone surrogate', () => {
    it('should answer 400 naming the field, for email and every other string field, without calling the service', async () => {
      const before = calls;
      const email = await post('/v1/members', JSON.stringify({ ...application, email: 'a\\ud800@example.com' }).replace('\\\\ud800', '\\ud800'));
      expect(email.statusCode).toBe(400);
      expect(fieldsOf(email)).toEqual(['email']);
      const nested = await post('/v1/members', `{"storeId":"S001","name":"W\\udc00","mobile":"13812341234","preferences":{"styles":["x\\ud83d"]}}`);
      expect(nested.statusCode).toBe(400);
      expect(fieldsOf(nested)).toEqual(['name', 'preferences.styles.0']);
      const pair = await post('/v1/members', JSON.stringify({ ...application, name: 'Wang \ud83d\ude00' }));
      expect(pair.statusCode).toBe(201);
      expect(calls).toBe(before + 1);
    });
  });

  describe('when a body or query has a prototype key', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('should refuse %s in the body, nested objects and the query string', async (key) => {
      const before = calls;
      const top = await post('/v1/members', `{"storeId":"S001","name":"Wang","mobile":"13812341234","${key}":{"role":"admin"}}`);
      expect(top.statusCode).toBe(400);
      expect(fieldsOf(top)).toEqual([key]);
      const nested = await post('/v1/members', `{"storeId":"S001","name":"Wang","mobile":"13812341234","preferences":{"${key}":{"x":1}}}`);
      expect(nested.statusCode).toBe(400);
      expect(fieldsOf(nested)).toEqual([`preferences.${key}`]);
      const query = await app.inject({ method: 'GET', url: `/v1/members?${key}=1`, headers: staff });
      expect(query.statusCode).toBe(400);
      expect(fieldsOf(query)).toEqual([key]);
      const bracket = await app.inject({ method: 'GET', url: `/v1/members/M1?${key}[admin]=1&a.${key}=2`, headers: staff });
      expect(bracket.statusCode).toBe(400);
      expect(fieldsOf(bracket)).toEqual([`${key}[admin]`, `a.${key}`]);
      expect(calls).toBe(before);
    });
  });

  describe('when the headers are over 16 KB', () => {
    it('should answer 431 problem+json', async () => {
      const res = await raw('/v1/members', { authorization: staff.authorization, 'x-filler': 'a'.repeat(20_000) });
      expect(res.status).toBe(431);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(res.body)).toMatchObject({ type: expect.any(String), title: 'Request Header Fields Too Large', status: 431, code: 'HEADERS_TOO_LARGE' });
    });
  });

  describe('when the body is larger than any valid command', () => {
    it('should answer 413 problem+json to a 100 KB body before parsing it, and accept the largest valid one', async () => {
      const before = calls;
      const huge = await post('/v1/members', JSON.stringify({ ...application, name: 'x'.repeat(100 * 1024) }));
      expect(huge.statusCode).toBe(413);
      expect(problemOf(huge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      const escaped = '\\u6c5f'.repeat(2000);
      const complaint = `{"storeId":"S001","channel":"store","description":"${escaped}","customer":{"name":"${escaped.slice(0, 300)}"}}`;
      expect(complaint.length).toBeGreaterThan(12_000);
      const large = await post('/v1/complaints', complaint);
      expect(large.statusCode).not.toBe(413);
      expect(calls).toBe(before);
    });
  });

  describe('when an HTTP/1.1 request has no Host header', () => {
    it('should answer 400 problem+json rather than an empty 400', async () => {
      const text = await new Promise<string>((resolve) => {
        const socket = connectSocket(port, '127.0.0.1');
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('close', () => resolve(answer));
        socket.end(`GET /v1/members HTTP/1.1\r\nAuthorization: ${staff.authorization}\r\nConnection: close\r\n\r\n`);
      });
      expect(text).toMatch(/^HTTP\/1\.1 400/);
      expect(text).toMatch(/content-type: application\/problem\+json/i);
      expect(text).toContain('"code":"MISSING_HOST"');
    });
  });

  describe('security headers', () => {
    it('should send nosniff on every response and no-store on authenticated data and problems', async () => {
      const ok = await raw('/v1/members', { authorization: staff.authorization });
      const unauthenticated = await raw('/v1/members', {});
      const badQuery = await raw('/v1/members?limit=abc', { authorization: staff.authorization });
      const unknown = await raw('/v1/nowhere', { authorization: staff.authorization });
      const badUrl = await raw('/v1/members/%C0', { authorization: staff.authorization });
      expect([ok.status, unauthenticated.status, badQuery.status, unknown.status, badUrl.status]).toEqual([200, 401, 400, 404, 400]);
      for (const res of [ok, unauthenticated, badQuery, unknown, badUrl]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cache-control']).toBe('no-store');
      }
      const live = await raw('/health/live', {});
      expect(live.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
