import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@cs/eventstore';
import { RpcError, RpcServer, type RpcContext } from '@cs/messaging';
import { ComplaintsRpc, MembersRpc } from '@cs/contracts';
import { readinessServiceNames } from '@cs/platform';
import { createGatewayApp } from './gateway.app.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SECRET = 'int-test-secret';
const prefix = `t${randomBytes(6).toString('hex')}.`;

const token = (claims: Record<string, unknown>, options: jwt.SignOptions = { expiresIn: '10m' }) =>
  jwt.sign(claims, SECRET, { algorithm: 'HS256', ...options });
const auth = (claims: Record<string, unknown>) => ({ authorization: `Bearer ${token(claims)}` });
const storeStaff = auth({ sub: 'u-store', role: 'store_staff', storeId: 'S001', name: 'Li Na' });
const hqAgent = auth({ sub: 'u-hq', role: 'hq_cs_agent', regionIds: ['R1', 'R2'] });
const customer = auth({ sub: 'M42', role: 'customer' });

interface Seen {
  payload: unknown;
  context: RpcContext;
}

const validApplication = { storeId: 'S001', name: 'Wang Fang', mobile: '13812341234', gender: 'female' };

describe('Gateway (in-process, real NATS, fake services)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let members: RpcServer;
  let complaints: RpcServer;
  /** Every other registered service the gateway's readiness pings, answering only Ping. */
  let others: RpcServer;
  const seen = new Map<string, Seen[]>();
  const record = (subject: string) => (payload: unknown, context: RpcContext) => {
    seen.set(subject, [...(seen.get(subject) ?? []), { payload, context }]);
  };
  const last = (subject: string): Seen => {
    const list = seen.get(subject) ?? [];
    if (!list.length) throw new Error(`no call to ${subject}`);
    return list[list.length - 1];
  };

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    members = new RpcServer(nc, { subjectPrefix: prefix, queue: 'fake-members' });
    members.handle('members.rpc.Ping', async () => ({ ok: true }));
    members.handle(MembersRpc.SubmitApplication, async (payload, context) => {
      record(MembersRpc.SubmitApplication)(payload, context);
      return { id: 'M1', version: 1, status: 'pending_review' };
    });
    members.handle(MembersRpc.ReviewApplication, async (payload, context) => {
      record(MembersRpc.ReviewApplication)(payload, context);
      if (context.expectedVersion !== undefined && context.expectedVersion !== 3) {
        throw new RpcError('precondition', 'WRONG_EXPECTED_VERSION', 'Stream is at version 3', undefined, { currentVersion: 3 });
      }
      return { id: (payload as { memberId: string }).memberId, version: 4, status: 'active' };
    });
    members.handle(MembersRpc.GetMember, async (payload, context) => {
      record(MembersRpc.GetMember)(payload, context);
      const { memberId } = payload as { memberId: string };
      if (memberId === 'M404') throw new DomainError('MEMBER_NOT_FOUND', 'Member M404 not found', 'not_found');
      if (memberId === 'UNCHECKED') {
        throw new DomainError('MEMBER_IDENTITY_CHECK_REQUIRED', 'Check the caller first', 'forbidden', { memberId, windowMinutes: 30 });
      }
      if (memberId === 'SLOW') await new Promise((r) => setTimeout(r, 1500));
      if (memberId === 'BUG') throw new Error('boom');
      if (memberId === 'DBDOWN') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      if (memberId === 'DBSLOW') throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
      return { id: memberId, version: 7, status: 'active', mobile: '138****1234' };
    });
    members.handle(MembersRpc.ListMembers, async (payload, context) => {
      record(MembersRpc.ListMembers)(payload, context);
      return { items: [{ id: 'M1' }], nextCursor: 'c2' };
    });
    members.handle(MembersRpc.SupplementApplication, async () => {
      throw new RpcError('validation', 'VALIDATION_FAILED', 'Invalid input: email', [{ field: 'email', message: 'email must be an email' }]);
    });
    members.handle(MembersRpc.MemberHistory, async (payload, context) => {
      record(MembersRpc.MemberHistory)(payload, context);
      const { memberId } = payload as { memberId: string };
      throw new DomainError('MEMBER_IDENTITY_CHECK_REQUIRED', 'Check the caller first', 'forbidden', { memberId, windowMinutes: 30 });
    });
    // MembersRpc.ReviewQueue deliberately has no responder (503)
    // complaints answers everything but Ping until the readiness test adds it
    complaints = new RpcServer(nc, { subjectPrefix: prefix, queue: 'fake-complaints' });
    for (const subject of Object.values(ComplaintsRpc)) {
      complaints.handle(subject, async (payload, context) => {
        record(subject)(payload, context);
        const { complaintId } = payload as { complaintId?: string };
        if (complaintId === 'C409') throw new DomainError('COMPLAINT_CLOSED', 'The complaint is closed', 'conflict');
        if (complaintId === 'C422') throw new DomainError('SOLUTION_NOT_PROPOSED', 'No such solution', 'rule');
        if (subject === ComplaintsRpc.ListComplaints) return { items: [], nextCursor: null };
        if (subject === ComplaintsRpc.ComplaintHistory) return { items: [{ version: 1, type: 'ComplaintFiled', at: '2025-01-01T00:00:00Z', actor: { id: 'u', role: 'store_staff' }, data: {} }] };
        return { id: complaintId ?? 'C1', version: 5 };
      });
    }
    others = new RpcServer(nc, { subjectPrefix: prefix, queue: 'fake-others' });
    for (const svc of readinessServiceNames().filter((s) => s !== 'members' && s !== 'complaints')) others.handle(`${svc}.rpc.Ping`, async () => ({ ok: true }));
    app = await createGatewayApp({ natsUrl: NATS_URL, jwtSecret: SECRET, subjectPrefix: prefix, rpcTimeoutMs: 500, logger: false });
  });

  afterAll(async () => {
    await members?.close();
    await complaints?.close();
    await others?.close();
    await app?.close();
    await nc?.drain();
  });

  const inject = (options: Parameters<NestFastifyApplication['inject']>[0]) => app.inject(options as never);
  const problemOf = (res: { headers: Record<string, unknown>; json: () => any }) => {
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    return res.json();
  };

  describe('when the token is missing, invalid or expired', () => {
    it('should answer 401 problem+json', async () => {
      const missing = await inject({ method: 'GET', url: '/v1/members' });
      expect(missing.statusCode).toBe(401);
      expect(problemOf(missing)).toMatchObject({ status: 401, code: 'TOKEN_MISSING', instance: '/v1/members' });
      expect(missing.headers['www-authenticate']).toBe('Bearer');

      const forged = await inject({ method: 'GET', url: '/v1/members', headers: { authorization: `Bearer ${jwt.sign({ sub: 'x', role: 'admin' }, 'other', { expiresIn: '10m' })}` } });
      expect(forged.statusCode).toBe(401);
      expect(problemOf(forged).code).toBe('TOKEN_INVALID');

      const expired = await inject({
        method: 'GET',
        url: '/v1/members',
        headers: { authorization: `Bearer ${token({ sub: 'x', role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 }, {})}` },
      });
      expect(expired.statusCode).toBe(401);
      expect(problemOf(expired).code).toBe('TOKEN_EXPIRED');

      const unknownRole = await inject({ method: 'GET', url: '/v1/members', headers: auth({ sub: 'x', role: 'superuser' }) });
      expect(unknownRole.statusCode).toBe(401);
    });

    it('should answer 401 to a token without exp and to a scoped role without its scope', async () => {
      const before = seen.get(MembersRpc.ListMembers)?.length ?? 0;
      const forever = await inject({ method: 'GET', url: '/v1/members', headers: { authorization: `Bearer ${token({ sub: 'x', role: 'admin' }, {})}` } });
      expect(forever.statusCode).toBe(401);
      expect(problemOf(forever).code).toBe('TOKEN_EXPIRY_REQUIRED');
      for (const claims of [
        { sub: 's', role: 'store_staff' },
        { sub: 's', role: 'store_manager', storeId: '' },
        { sub: 'a', role: 'hq_cs_agent' },
        { sub: 'a', role: 'hq_cs_agent', regionIds: [] },
      ]) {
        const res = await inject({ method: 'GET', url: '/v1/members', headers: auth(claims) });
        expect(res.statusCode).toBe(401);
        expect(problemOf(res).code).toBe('TOKEN_SCOPE_MISSING');
      }
      expect(seen.get(MembersRpc.ListMembers)?.length ?? 0).toBe(before);
    });
  });

  describe('when the role is not allowed', () => {
    it('should answer 403 without calling the service', async () => {
      const before = seen.get(MembersRpc.SubmitApplication)?.length ?? 0;
      const res = await inject({ method: 'POST', url: '/v1/members', headers: customer, payload: validApplication });
      expect(res.statusCode).toBe(403);
      expect(problemOf(res)).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
      expect(seen.get(MembersRpc.SubmitApplication)?.length ?? 0).toBe(before);
      const review = await inject({ method: 'POST', url: '/v1/members/M1/review', headers: storeStaff, payload: { decision: 'approve' } });
      expect(review.statusCode).toBe(403);
    });
  });

  describe('when the body is malformed', () => {
    it('should name every offending field, nested ones with their path', async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/members',
        headers: storeStaff,
        payload: { name: 'Wang', mobile: '123', extra: true, preferences: { styles: [5] }, marketingConsent: { sms: 'yes' } },
      });
      expect(res.statusCode).toBe(400);
      const body = problemOf(res);
      expect(body.code).toBe('VALIDATION_FAILED');
      const fields = body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['storeId', 'mobile', 'extra', 'marketingConsent.sms']));
      expect(fields.some((f: string) => f.startsWith('preferences.styles'))).toBe(true);
    });

    it('should refuse a wrong enum value and a missing required field', async () => {
      const res = await inject({ method: 'POST', url: '/v1/members/M1/review', headers: hqAgent, payload: { decision: 'maybe', note: 5 } });
      expect(res.statusCode).toBe(400);
      const fields = problemOf(res).errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['decision', 'note']));
    });

    it('should refuse an empty body on a create', async () => {
      const res = await inject({ method: 'POST', url: '/v1/members', headers: storeStaff });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['storeId', 'name', 'mobile']));
    });

    it('should refuse a JSON array or scalar body', async () => {
      for (const payload of ['[1,2]', '"text"', '42', 'null']) {
        const res = await inject({ method: 'POST', url: '/v1/members', headers: { ...storeStaff, 'content-type': 'application/json' }, payload });
        expect(res.statusCode).toBe(400);
        expect(problemOf(res).errors[0].field).toBe('(body)');
      }
    });

    it('should answer 400 INVALID_JSON naming (body) for a body nested thousands of levels deep', async () => {
      const before = seen.get(MembersRpc.SubmitApplication)?.length ?? 0;
      const payload = `{"storeId":"S001","name":"A","mobile":"13800000000","x":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`;
      const res = await inject({ method: 'POST', url: '/v1/members', headers: { ...storeStaff, 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res)).toMatchObject({ status: 400, code: 'INVALID_JSON', errors: [{ field: '(body)' }], instance: '/v1/members' });
      expect(res.json().detail).toContain('nested deeper than 32 levels');
      const complaint = await inject({ method: 'POST', url: '/v1/complaints', headers: { ...storeStaff, 'content-type': 'application/json' }, payload: `{"tags":${'['.repeat(33)}${']'.repeat(33)}}` });
      expect(complaint.statusCode).toBe(400);
      expect(problemOf(complaint).code).toBe('INVALID_JSON');
      expect(seen.get(MembersRpc.SubmitApplication)?.length ?? 0).toBe(before);
    });

    it('should answer 400 INVALID_JSON for broken JSON and for another media type', async () => {
      const broken = await inject({ method: 'POST', url: '/v1/members', headers: { ...storeStaff, 'content-type': 'application/json' }, payload: '{"name": ' });
      expect(broken.statusCode).toBe(400);
      expect(problemOf(broken)).toMatchObject({ code: 'INVALID_JSON', instance: '/v1/members' });
      const text = await inject({ method: 'POST', url: '/v1/members', headers: { ...storeStaff, 'content-type': 'text/plain' }, payload: 'hello' });
      expect(text.statusCode).toBe(400);
      expect(problemOf(text).code).toBe('INVALID_JSON');
    });
  });

  describe('when a command succeeds', () => {
    it('should answer 201 with Location, ETag, and forward actor, correlation id and Idempotency-Key', async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/members',
        headers: { ...storeStaff, 'idempotency-key': 'key-123', 'x-correlation-id': 'corr-abc' },
        payload: validApplication,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ id: 'M1', version: 1, status: 'pending_review' });
      expect(res.headers.etag).toBe('W/"1"');
      expect(res.headers.location).toBe('/v1/members/M1');
      expect(res.headers['x-correlation-id']).toBe('corr-abc');
      const call = last(MembersRpc.SubmitApplication);
      expect(call.payload).toEqual(validApplication);
      expect(call.context).toMatchObject({
        correlationId: 'corr-abc',
        idempotencyKey: 'key-123',
        actor: { id: 'u-store', role: 'store_staff', storeId: 'S001', name: 'Li Na' },
      });
      expect(call.context.expectedVersion).toBeUndefined();
    });

    it('should generate a correlation id when none is given', async () => {
      const res = await inject({ method: 'POST', url: '/v1/members', headers: storeStaff, payload: validApplication });
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(last(MembersRpc.SubmitApplication).context.correlationId).toBe(res.headers['x-correlation-id']);
    });

    it('should answer 200 for an action and route the id into the payload', async () => {
      const res = await inject({ method: 'POST', url: '/v1/members/M9/review', headers: { ...hqAgent, 'if-match': 'W/"3"' }, payload: { decision: 'approve' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('W/"4"');
      expect(last(MembersRpc.ReviewApplication).payload).toEqual({ decision: 'approve', memberId: 'M9' });
      expect(last(MembersRpc.ReviewApplication).context.expectedVersion).toBe(3);
      expect(last(MembersRpc.ReviewApplication).context.actor).toEqual({ id: 'u-hq', role: 'hq_cs_agent', regionIds: ['R1', 'R2'] });
    });
  });

  describe('when If-Match or Idempotency-Key is given', () => {
    it('should accept the three If-Match forms', async () => {
      for (const value of ['W/"3"', '"3"', '3']) {
        const res = await inject({ method: 'POST', url: '/v1/members/M9/review', headers: { ...hqAgent, 'if-match': value }, payload: { decision: 'approve' } });
        expect({ value, status: res.statusCode }).toEqual({ value, status: 200 });
        expect(last(MembersRpc.ReviewApplication).context.expectedVersion).toBe(3);
      }
    });

    it('should map a version mismatch to 412', async () => {
      const res = await inject({ method: 'POST', url: '/v1/members/M9/review', headers: { ...hqAgent, 'if-match': 'W/"2"' }, payload: { decision: 'approve' } });
      expect(res.statusCode).toBe(412);
      expect(problemOf(res)).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', details: { currentVersion: 3 } });
      expect(last(MembersRpc.ReviewApplication).context.expectedVersion).toBe(2);
    });

    it('should refuse a malformed If-Match and Idempotency-Key with 400', async () => {
      const before = seen.get(MembersRpc.ReviewApplication)?.length ?? 0;
      const badMatch = await inject({ method: 'POST', url: '/v1/members/M9/review', headers: { ...hqAgent, 'if-match': 'W/"abc"' }, payload: { decision: 'approve' } });
      expect(badMatch.statusCode).toBe(400);
      expect(problemOf(badMatch).code).toBe('INVALID_IF_MATCH');
      const longKey = await inject({ method: 'POST', url: '/v1/members/M9/review', headers: { ...hqAgent, 'idempotency-key': 'k'.repeat(201) }, payload: { decision: 'approve' } });
      expect(longKey.statusCode).toBe(400);
      expect(problemOf(longKey).code).toBe('INVALID_IDEMPOTENCY_KEY');
      expect(seen.get(MembersRpc.ReviewApplication)?.length ?? 0).toBe(before);
    });
  });

  describe('when reading one aggregate', () => {
    it('should answer the view with its ETag and pass asOf', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/M7?asOf=2025-01-31T12:00:00%2B08:00', headers: hqAgent });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('W/"7"');
      expect(last(MembersRpc.GetMember).payload).toEqual({ memberId: 'M7', asOf: '2025-01-31T04:00:00.000Z' });
    });

    it('should refuse an invalid asOf with 400', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/M7?asOf=yesterday', headers: hqAgent });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).errors[0].field).toBe('asOf');
    });

    it('should map not_found to 404', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/M404', headers: hqAgent });
      expect(res.statusCode).toBe(404);
      expect(problemOf(res)).toMatchObject({ status: 404, code: 'MEMBER_NOT_FOUND', type: 'https://errors.cs-platform.example/member-not-found' });
    });

    it('should answer a full-profile read without a recent identity check with a 403 problem naming the code and the window', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/UNCHECKED', headers: hqAgent });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(problemOf(res)).toMatchObject({ status: 403, code: 'MEMBER_IDENTITY_CHECK_REQUIRED', details: { memberId: 'UNCHECKED', windowMinutes: 30 } });
    });

    it('should let a customer read only its own record', async () => {
      expect((await inject({ method: 'GET', url: '/v1/members/M42', headers: customer })).statusCode).toBe(200);
      const other = await inject({ method: 'GET', url: '/v1/members/M7', headers: customer });
      expect(other.statusCode).toBe(404);
      expect(last(MembersRpc.GetMember).payload).toEqual({ memberId: 'M42' });
    });

    it('should answer 403 to roles outside the member desks, without calling the service', async () => {
      const calls = () => [MembersRpc.GetMember, MembersRpc.ListMembers, MembersRpc.ReviewQueue, MembersRpc.MemberHistory].map((s) => seen.get(s)?.length ?? 0);
      const before = calls();
      const analyst = await inject({ method: 'GET', url: '/v1/members/M7', headers: auth({ sub: 'an1', role: 'analyst' }) });
      expect(analyst.statusCode).toBe(403);
      expect(problemOf(analyst)).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
      for (const role of ['analyst', 'general_manager', 'hq_qa', 'warehouse', 'technician']) {
        for (const url of ['/v1/members', '/v1/members/M7', '/v1/members/M7/history', '/v1/members/review-queue']) {
          const res = await inject({ method: 'GET', url, headers: auth({ sub: `${role}-1`, role }) });
          expect({ role, url, status: res.statusCode }).toEqual({ role, url, status: 403 });
        }
      }
      expect(calls()).toEqual(before);
    });

    it('should not let a customer read member history, not even its own', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/M42/history', headers: customer });
      expect(res.statusCode).toBe(403);
      expect(problemOf(res).code).toBe('FORBIDDEN_ROLE');
    });

    it('should answer 504 when the service is too slow', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/SLOW', headers: hqAgent });
      expect(res.statusCode).toBe(504);
      expect(problemOf(res).code).toBe('SERVICE_TIMEOUT');
    });

    it('should answer the history of a member not yet identified with the same 403 problem', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/UNCHECKED/history', headers: hqAgent });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(problemOf(res)).toMatchObject({ status: 403, code: 'MEMBER_IDENTITY_CHECK_REQUIRED', details: { memberId: 'UNCHECKED', windowMinutes: 30 } });
      expect(last(MembersRpc.MemberHistory).payload).toEqual({ memberId: 'UNCHECKED' });
    });

    it('should answer 503 when no service answers', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/review-queue', headers: hqAgent });
      expect(res.statusCode).toBe(503);
      expect(problemOf(res).code).toBe('SERVICE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('2');
    });

    it('should answer 503 with Retry-After when the service has lost its database', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/DBDOWN', headers: hqAgent });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['retry-after']).toBe('2');
      expect(problemOf(res).code).toBe('DATABASE_UNAVAILABLE');
      expect(problemOf(res).detail).not.toContain('5432');
    });

    it('should answer 504 when the service\'s database is too slow', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/DBSLOW', headers: hqAgent });
      expect(res.statusCode).toBe(504);
      expect(problemOf(res).code).toBe('DATABASE_TIMEOUT');
    });

    it('should answer 500 without detail when the service fails internally (a bug, not an outage)', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members/BUG', headers: hqAgent });
      expect(res.statusCode).toBe(500);
      expect(res.headers['retry-after']).toBeUndefined();
      expect(problemOf(res).detail).not.toContain('boom');
    });
  });

  describe('when the service refuses the input', () => {
    it('should pass its field problems through as 400', async () => {
      const res = await inject({ method: 'POST', url: '/v1/members/M1/supplement', headers: storeStaff, payload: { postalAddress: 'Somewhere 1' } });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).errors).toEqual([{ field: 'email', message: 'email must be an email' }]);
    });
  });

  describe('when listing', () => {
    it('should default the page size to 50 and pass filters typed', async () => {
      const res = await inject({ method: 'GET', url: '/v1/members?status=active&storeId=S001', headers: hqAgent });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [{ id: 'M1' }], nextCursor: 'c2' });
      expect(last(MembersRpc.ListMembers).payload).toEqual({ status: 'active', storeId: 'S001', limit: 50 });
      await inject({ method: 'GET', url: '/v1/members?limit=20&cursor=abc', headers: hqAgent });
      expect(last(MembersRpc.ListMembers).payload).toEqual({ limit: 20, cursor: 'abc' });
    });

    it('should refuse a bad limit, an unknown status and an unknown filter', async () => {
      for (const [query, field] of [['limit=0', 'limit'], ['limit=201', 'limit'], ['limit=abc', 'limit'], ['limit=1.5', 'limit'], ['status=gone', 'status'], ['colour=red', 'colour']]) {
        const res = await inject({ method: 'GET', url: `/v1/members?${query}`, headers: hqAgent });
        expect(res.statusCode).toBe(400);
        expect(problemOf(res).errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  });

  describe('complaints', () => {
    it('should let a customer file for itself only', async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/complaints',
        headers: customer,
        payload: { channel: 'phone', source: 'hq', storeId: 'S001', memberId: 'M99', description: 'Late delivery' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe('/v1/complaints/C1');
      expect(res.headers.etag).toBe('W/"5"');
      expect(last(ComplaintsRpc.FileComplaint).payload).toMatchObject({ memberId: 'M42', description: 'Late delivery' });
      const noMember = await inject({ method: 'POST', url: '/v1/complaints', headers: customer, payload: { channel: 'phone', source: 'hq', storeId: 'S001', description: 'x' } });
      expect(noMember.statusCode).toBe(201);
      expect(last(ComplaintsRpc.FileComplaint).context.actor).toEqual({ id: 'M42', role: 'customer' });
    });

    it("should drop a customer contact from a customer's own complaint", async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/complaints',
        headers: customer,
        payload: { channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Someone Else', mobile: '13900000000' }, description: 'Late delivery' },
      });
      expect(res.statusCode).toBe(201);
      const payload = last(ComplaintsRpc.FileComplaint).payload as Record<string, unknown>;
      expect(payload).toMatchObject({ channel: 'phone', source: 'hq', storeId: 'S001', memberId: 'M42', description: 'Late delivery' });
      expect(payload).not.toHaveProperty('customer');
      const malformed = await inject({
        method: 'POST',
        url: '/v1/complaints',
        headers: customer,
        payload: { channel: 'phone', source: 'hq', storeId: 'S001', customer: 'not an object', description: 'x' },
      });
      expect(malformed.statusCode).toBe(201);
      expect(last(ComplaintsRpc.FileComplaint).payload).not.toHaveProperty('customer');
    });

    it('should keep the customer contact staff give', async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/complaints',
        headers: storeStaff,
        payload: { channel: 'phone', source: 'store', storeId: 'S001', customer: { name: 'Wang Fang', mobile: '13900000000' }, description: 'Late delivery' },
      });
      expect(res.statusCode).toBe(201);
      expect(last(ComplaintsRpc.FileComplaint).payload).toMatchObject({ customer: { name: 'Wang Fang', mobile: '13900000000' } });
      expect(last(ComplaintsRpc.FileComplaint).payload).not.toHaveProperty('memberId');
    });

    it('should name every bad field of a complaint, nested ones included', async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/complaints',
        headers: storeStaff,
        payload: { channel: 'pigeon', source: 'store', storeId: 'S001', customer: { name: 'Wang', mobile: '12' }, slaPolicy: 'Not a policy!' },
      });
      expect(res.statusCode).toBe(400);
      const fields = problemOf(res).errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['channel', 'customer.mobile', 'description', 'slaPolicy']));
    });

    it('should route an action with the id and answer 200 with ETag', async () => {
      const bad = await inject({ method: 'POST', url: '/v1/complaints/C7/classify', headers: hqAgent, payload: { category: 'nope', severity: 'high' } });
      expect(bad.statusCode).toBe(400);
      expect(new Set(problemOf(bad).errors.map((e: { field: string }) => e.field))).toEqual(new Set(['category', 'severity']));
      const classified = await inject({ method: 'POST', url: '/v1/complaints/C7/classify', headers: hqAgent, payload: { category: 'PRODUCT_QUALITY', severity: 'P1' } });
      expect(classified.statusCode).toBe(200);
      expect(last(ComplaintsRpc.ClassifyComplaint).payload).toEqual({ category: 'PRODUCT_QUALITY', severity: 'P1', complaintId: 'C7' });
      const ok = await inject({ method: 'POST', url: '/v1/complaints/C7/assign', headers: { ...hqAgent, 'if-match': '"4"', 'idempotency-key': 'assign-1' }, payload: { assigneeId: 'u-9' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('W/"5"');
      expect(last(ComplaintsRpc.AssignComplaint)).toMatchObject({
        payload: { assigneeId: 'u-9', complaintId: 'C7' },
        context: { expectedVersion: 4, idempotencyKey: 'assign-1' },
      });
    });

    it('should let the customer accept solution n, which must be a positive integer', async () => {
      const res = await inject({ method: 'POST', url: '/v1/complaints/C7/solutions/2/accept', headers: customer });
      expect(res.statusCode).toBe(200);
      expect(last(ComplaintsRpc.AcceptSolution).payload).toEqual({ complaintId: 'C7', solutionNo: 2 });
      for (const n of ['0', 'abc', '-1', '1.5']) {
        const bad = await inject({ method: 'POST', url: `/v1/complaints/C7/solutions/${n}/accept`, headers: customer });
        expect(bad.statusCode).toBe(400);
        expect(problemOf(bad).errors[0].field).toBe('n');
      }
      const extra = await inject({ method: 'POST', url: '/v1/complaints/C7/solutions/2/accept', headers: customer, payload: { foo: 1 } });
      expect(extra.statusCode).toBe(400);
      const noReason = await inject({ method: 'POST', url: '/v1/complaints/C7/solutions/2/reject', headers: customer, payload: {} });
      expect(noReason.statusCode).toBe(400);
      expect(new Set(problemOf(noReason).errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason']));
    });

    it('should refuse roles outside the complaint desk', async () => {
      const warehouse = auth({ sub: 'w1', role: 'warehouse' });
      expect((await inject({ method: 'POST', url: '/v1/complaints/C7/close', headers: warehouse, payload: {} })).statusCode).toBe(403);
      expect((await inject({ method: 'POST', url: '/v1/complaints/C7/solutions/1/reject', headers: warehouse, payload: { reason: 'no' } })).statusCode).toBe(403);
      expect((await inject({ method: 'GET', url: '/v1/complaints', headers: customer })).statusCode).toBe(403);
    });

    it('should not let the warehouse or technicians read complaints', async () => {
      for (const role of ['warehouse', 'technician']) {
        for (const url of ['/v1/complaints', '/v1/complaints/C7', '/v1/complaints/C7/history']) {
          const res = await inject({ method: 'GET', url, headers: auth({ sub: `${role}-1`, role }) });
          expect({ role, url, status: res.statusCode }).toEqual({ role, url, status: 403 });
        }
      }
      const qa = auth({ sub: 'qa1', role: 'hq_qa' });
      expect((await inject({ method: 'GET', url: '/v1/complaints/C7', headers: qa })).statusCode).toBe(200);
      expect((await inject({ method: 'GET', url: '/v1/complaints/C7', headers: customer })).statusCode).toBe(200);
    });

    it('should map conflict to 409 and a refused rule to 422', async () => {
      const closed = await inject({ method: 'POST', url: '/v1/complaints/C409/reopen', headers: hqAgent, payload: { reason: 'customer called back' } });
      expect(closed.statusCode).toBe(409);
      expect(problemOf(closed).code).toBe('COMPLAINT_CLOSED');
      const rule = await inject({ method: 'POST', url: '/v1/complaints/C422/solutions/3/accept', headers: hqAgent });
      expect(rule.statusCode).toBe(422);
    });

    it('should list with typed filters, read one with ETag and read its history', async () => {
      const list = await inject({ method: 'GET', url: '/v1/complaints?breached=true&status=received&limit=10', headers: hqAgent });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual({ items: [], nextCursor: null });
      expect(last(ComplaintsRpc.ListComplaints).payload).toEqual({ breached: true, status: 'received', limit: 10 });
      const badList = await inject({ method: 'GET', url: '/v1/complaints?breached=maybe', headers: hqAgent });
      expect(badList.statusCode).toBe(400);
      const one = await inject({ method: 'GET', url: '/v1/complaints/C7', headers: hqAgent });
      expect(one.headers.etag).toBe('W/"5"');
      const history = await inject({ method: 'GET', url: '/v1/complaints/C7/history', headers: hqAgent });
      expect(history.statusCode).toBe(200);
      expect(history.json().items[0].type).toBe('ComplaintFiled');
      expect(last(ComplaintsRpc.ComplaintHistory).payload).toEqual({ complaintId: 'C7' });
    });
  });

  describe('when the URL is not validly percent-encoded', () => {
    it('should answer 400 problem+json INVALID_URL with the correlation id', async () => {
      for (const url of ['/v1/members/%C0', '/v1/members/%zz', '/v1/members/%C0/history']) {
        const res = await inject({ method: 'GET', url, headers: { ...hqAgent, 'x-correlation-id': 'bad-url-1' } });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(problemOf(res)).toMatchObject({ status: 400, code: 'INVALID_URL', instance: url, correlationId: 'bad-url-1' });
        expect(res.headers['x-correlation-id']).toBe('bad-url-1');
      }
    });

    it('should answer an over-long path parameter with 414 problem+json', async () => {
      const res = await inject({ method: 'GET', url: `/v1/members/${'M'.repeat(101)}`, headers: hqAgent });
      expect(res.statusCode).toBe(414);
      expect(problemOf(res)).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    });
  });

  describe('when the route is unknown', () => {
    it('should answer 404 problem+json', async () => {
      const res = await inject({ method: 'GET', url: '/v1/nothing-here', headers: hqAgent });
      expect(res.statusCode).toBe(404);
      expect(problemOf(res)).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/v1/nothing-here' });
    });
  });

  describe('operations', () => {
    it('should be live without a token', async () => {
      const res = await inject({ method: 'GET', url: '/health/live' });
      expect(res.statusCode).toBe(200);
    });

    it('should be not ready while a service is missing, and ready once every service answers Ping', async () => {
      const down = await inject({ method: 'GET', url: '/health/ready' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'error', details: { nats: { status: 'up' }, members: { status: 'up' }, complaints: { status: 'down' } } });
      complaints.handle('complaints.rpc.Ping', async () => ({ ok: true }));
      await nc.flush();
      const up = await inject({ method: 'GET', url: '/health/ready' });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toMatchObject({ status: 'ok' });
    });

    it('should expose Prometheus metrics with the HTTP histogram by route', async () => {
      const res = await inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('http_request_duration_seconds_bucket');
      expect(res.body).toMatch(/route="\/v1\/members\/:id"/);
      expect(res.body).toContain('process_cpu_user_seconds_total');
    });

    it('should document every public path in /docs/openapi.json and serve the UI', async () => {
      const res = await inject({ method: 'GET', url: '/docs/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/v1/members',
          '/v1/members/{id}',
          '/v1/members/{id}/review',
          '/v1/members/{id}/supplement',
          '/v1/members/{id}/history',
          '/v1/members/review-queue',
          '/v1/complaints',
          '/v1/complaints/{id}',
          '/v1/complaints/{id}/history',
          '/v1/complaints/{id}/solutions',
          '/v1/complaints/{id}/solutions/{n}/accept',
          '/v1/complaints/{id}/solutions/{n}/reject',
          ...['classify', 'assign', 'first-response', 'escalate', 'resolve', 'close', 'reopen', 'invalidate'].map((a) => `/v1/complaints/{id}/${a}`),
        ]),
      );
      const nested = doc.paths['/v1/complaints'].post.requestBody.content['application/json'].schema;
      expect(nested.properties.customer.properties.mobile.type).toBe('string');
      expect(nested.required).toEqual(expect.arrayContaining(['channel', 'storeId', 'description']));
      expect(nested.required).not.toContain('memberId');
      expect(nested.required).not.toContain('customer');
      const body = doc.paths['/v1/members'].post.requestBody.content['application/json'].schema;
      expect(body.required).toEqual(expect.arrayContaining(['storeId', 'name', 'mobile']));
      expect(body.properties.mobile.type).toBe('string');
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/health') || p.startsWith('/metrics'))).toEqual([]);
      const ui = await inject({ method: 'GET', url: '/docs' });
      expect(ui.statusCode).toBe(200);
      expect(ui.headers['content-type']).toContain('text/html');
    });
  });
});
