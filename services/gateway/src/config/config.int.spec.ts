import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcError, RpcServer, type RpcContext } from '@cs/messaging';
import { ComplaintsRpc } from '@cs/contracts';
import { createGatewayApp } from '../gateway.app.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SECRET = 'config-int-secret';
const prefix = `t${randomBytes(6).toString('hex')}.`;
const auth = (claims: Record<string, unknown>) => ({ authorization: `Bearer ${jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: '10m' })}` });
const manager = auth({ sub: 'u-mgr', role: 'hq_cs_manager' });
const storeStaff = auth({ sub: 'u-store', role: 'store_staff', storeId: 'S001' });
const customer = auth({ sub: 'M1', role: 'customer' });

const { GetSlaPolicy, SlaPolicyHistory, WorkingCalendarHistory } = ComplaintsRpc;
const historyItem = (type: string) => ({ version: 1, type, at: '2026-01-05T08:00:00.000Z', actor: { id: 'u-mgr', role: 'hq_cs_manager' }, data: {} });

const goodPolicy = { firstResponse: { hours: 12 }, resolution: { workingDays: 5 }, warningRatio: 0.75 };
const goodCalendar = { timezone: 'Asia/Shanghai', weekendDays: [0, 6], holidays: ['2026-10-01'], makeUpWorkingDays: ['2026-09-27'] };

describe('Gateway /v1/config (in-process, real NATS, fake complaints service)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let complaints: RpcServer;
  const calls: Array<{ subject: string; payload: unknown; context: RpcContext }> = [];
  const callsTo = (subject: string) => calls.filter((c) => c.subject === subject);

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    complaints = new RpcServer(nc, { subjectPrefix: prefix, queue: 'fake-complaints' });
    const replies: Record<string, (payload: any) => unknown> = {
      [ComplaintsRpc.ListSlaPolicies]: () => ({ items: [{ id: 'chain', version: 2, firstResponse: { hours: 12 }, resolution: { hours: 48 }, warningRatio: 0.8 }] }),
      [ComplaintsRpc.DefineSlaPolicy]: (p) => ({ id: p.policyId, version: 3, changed: true }),
      [ComplaintsRpc.GetWorkingCalendar]: (p) => ({ id: 'default', version: p.asOf ? 1 : 4, ...goodCalendar }),
      [GetSlaPolicy]: (p) => {
        if (p.policyId === 'nope') throw new RpcError('not_found', 'SLA_POLICY_NOT_FOUND', 'No SLA policy nope');
        return { id: p.policyId, version: p.asOf ? 1 : 2, firstResponse: { hours: 12 }, resolution: { hours: 48 }, warningRatio: 0.8 };
      },
      [SlaPolicyHistory]: () => ({ items: [historyItem('SlaPolicyDefined')] }),
      [WorkingCalendarHistory]: () => ({ items: [historyItem('WorkingCalendarDefined')] }),
      [ComplaintsRpc.DefineWorkingCalendar]: () => ({ id: 'default', version: 5, changed: true }),
    };
    for (const [subject, reply] of Object.entries(replies)) {
      complaints.handle(subject, async (payload, context) => {
        calls.push({ subject, payload, context });
        return reply(payload);
      });
    }
    app = await createGatewayApp({ natsUrl: NATS_URL, jwtSecret: SECRET, subjectPrefix: prefix, rpcTimeoutMs: 1000, logger: false });
  });

  afterAll(async () => {
    await complaints?.close();
    await app?.close();
    await nc?.drain();
  });

  const inject = (options: Parameters<NestFastifyApplication['inject']>[0]) => app.inject(options as never);
  const fieldsOf = (res: { json: () => any }) => (res.json().errors as Array<{ field: string }>).map((e) => e.field);

  describe('when defining an SLA policy', () => {
    it('should answer 403 to store staff without calling the service', async () => {
      const res = await inject({ method: 'POST', url: '/v1/config/sla-policies/chain', headers: storeStaff, payload: goodPolicy });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
      expect(callsTo(ComplaintsRpc.DefineSlaPolicy)).toHaveLength(0);
    });

    it('should answer 400 naming firstResponse.hours for a bad body', async () => {
      const res = await inject({ method: 'POST', url: '/v1/config/sla-policies/chain', headers: manager, payload: { ...goodPolicy, firstResponse: { hours: 0 } } });
      expect(res.statusCode).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(fieldsOf(res)).toEqual(['firstResponse.hours']);
      expect(callsTo(ComplaintsRpc.DefineSlaPolicy)).toHaveLength(0);
    });

    it('should name both alternatives when the resolution has both or neither', async () => {
      const both = await inject({ method: 'POST', url: '/v1/config/sla-policies/chain', headers: manager, payload: { ...goodPolicy, resolution: { hours: 4, workingDays: 5 } } });
      expect(both.statusCode).toBe(400);
      expect(fieldsOf(both)).toEqual(['resolution.workingDays']);
      const neither = await inject({ method: 'POST', url: '/v1/config/sla-policies/chain', headers: manager, payload: { ...goodPolicy, resolution: {} } });
      expect(new Set(fieldsOf(neither))).toEqual(new Set(['resolution.hours', 'resolution.workingDays']));
    });

    it('should answer 200 with ETag and forward the id, If-Match and Idempotency-Key', async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/config/sla-policies/chain',
        headers: { ...manager, 'if-match': 'W/"2"', 'idempotency-key': 'sla-1' },
        payload: goodPolicy,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('W/"3"');
      expect(res.json()).toEqual({ id: 'chain', version: 3, changed: true });
      const [call] = callsTo(ComplaintsRpc.DefineSlaPolicy);
      expect(call.payload).toEqual({ ...goodPolicy, policyId: 'chain' });
      expect(call.context).toMatchObject({ expectedVersion: 2, idempotencyKey: 'sla-1', actor: { id: 'u-mgr', role: 'hq_cs_manager' } });
    });
  });

  describe('when reading configuration', () => {
    it('should list SLA policies in the list shape for staff and refuse customers', async () => {
      const res = await inject({ method: 'GET', url: '/v1/config/sla-policies', headers: storeStaff });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [expect.objectContaining({ id: 'chain', version: 2 })], nextCursor: null });
      expect((await inject({ method: 'GET', url: '/v1/config/sla-policies', headers: customer })).statusCode).toBe(403);
    });

    it('should read one SLA policy with its ETag, now or as of an instant', async () => {
      const now = await inject({ method: 'GET', url: '/v1/config/sla-policies/chain', headers: storeStaff });
      expect(now.statusCode).toBe(200);
      expect(now.headers.etag).toBe('W/"2"');
      expect(now.json()).toMatchObject({ id: 'chain', version: 2 });
      expect(callsTo(GetSlaPolicy).at(-1)!.payload).toEqual({ policyId: 'chain' });
      expect(callsTo(GetSlaPolicy).at(-1)!.context.actor).toMatchObject({ id: 'u-store', role: 'store_staff' });

      const then = await inject({ method: 'GET', url: '/v1/config/sla-policies/chain?asOf=2026-01-31T12:00:00%2B08:00', headers: storeStaff });
      expect(then.statusCode).toBe(200);
      expect(then.headers.etag).toBe('W/"1"');
      expect(callsTo(GetSlaPolicy).at(-1)!.payload).toEqual({ policyId: 'chain', asOf: '2026-01-31T04:00:00.000Z' });
    });

    it('should refuse a bad asOf, map an unknown policy to 404 and refuse customers', async () => {
      const before = callsTo(GetSlaPolicy).length;
      const bad = await inject({ method: 'GET', url: '/v1/config/sla-policies/chain?asOf=yesterday', headers: storeStaff });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['asOf']);
      expect((await inject({ method: 'GET', url: '/v1/config/sla-policies/chain', headers: customer })).statusCode).toBe(403);
      expect(callsTo(GetSlaPolicy)).toHaveLength(before);
      const unknown = await inject({ method: 'GET', url: '/v1/config/sla-policies/nope', headers: storeStaff });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'SLA_POLICY_NOT_FOUND' });
    });

    it("should read an SLA policy's history", async () => {
      const res = await inject({ method: 'GET', url: '/v1/config/sla-policies/ecommerce/history', headers: manager });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [historyItem('SlaPolicyDefined')] });
      expect(callsTo(SlaPolicyHistory).at(-1)!.payload).toEqual({ policyId: 'ecommerce' });
      expect((await inject({ method: 'GET', url: '/v1/config/sla-policies/ecommerce/history', headers: customer })).statusCode).toBe(403);
    });

    it('should read the calendar with its ETag, now or as of an instant', async () => {
      const res = await inject({ method: 'GET', url: '/v1/config/calendars', headers: storeStaff });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('W/"4"');
      expect(res.json()).toEqual({ id: 'default', version: 4, ...goodCalendar });
      expect(callsTo(ComplaintsRpc.GetWorkingCalendar).at(-1)!.payload).toEqual({});

      const then = await inject({ method: 'GET', url: '/v1/config/calendars?asOf=2026-01-01T00:00:00Z', headers: storeStaff });
      expect(then.statusCode).toBe(200);
      expect(then.headers.etag).toBe('W/"1"');
      expect(callsTo(ComplaintsRpc.GetWorkingCalendar).at(-1)!.payload).toEqual({ asOf: '2026-01-01T00:00:00.000Z' });
      expect((await inject({ method: 'GET', url: '/v1/config/calendars?asOf=2026-02-30T00:00:00Z', headers: storeStaff })).statusCode).toBe(400);
    });

    it("should read the calendar's history and refuse customers", async () => {
      const res = await inject({ method: 'GET', url: '/v1/config/calendars/history', headers: storeStaff });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [historyItem('WorkingCalendarDefined')] });
      expect(callsTo(WorkingCalendarHistory).at(-1)!.payload).toEqual({});
      expect((await inject({ method: 'GET', url: '/v1/config/calendars/history', headers: customer })).statusCode).toBe(403);
    });

    it('should list the stores of the org directory with their regions', async () => {
      const res = await inject({ method: 'GET', url: '/v1/config/stores', headers: storeStaff });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.map((s: { storeId: string }) => s.storeId)).toEqual(['S001', 'S002', 'S003', 'S004', 'S005', 'ONLINE']);
      expect(body.items[0]).toEqual({ storeId: 'S001', name: 'Shanghai Nanjing Road', regionId: 'R1', type: 'physical', timezone: 'Asia/Shanghai' });
      expect(body.regions).toContainEqual({ regionId: 'R1', storeIds: ['S001', 'S002'] });
      expect((await inject({ method: 'GET', url: '/v1/config/stores', headers: customer })).statusCode).toBe(403);
    });
  });

  describe('when defining the calendar', () => {
    it('should forward a valid calendar for a manager and refuse store staff', async () => {
      const res = await inject({ method: 'POST', url: '/v1/config/calendars', headers: manager, payload: goodCalendar });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('W/"5"');
      expect(callsTo(ComplaintsRpc.DefineWorkingCalendar)[0].payload).toEqual(goodCalendar);
      expect((await inject({ method: 'POST', url: '/v1/config/calendars', headers: storeStaff, payload: goodCalendar })).statusCode).toBe(403);
    });

    it('should name an unknown timezone, a bad weekday and an impossible date', async () => {
      const res = await inject({
        method: 'POST',
        url: '/v1/config/calendars',
        headers: manager,
        payload: { ...goodCalendar, timezone: 'Mars/Olympus', weekendDays: [7], holidays: ['2026-02-30'] },
      });
      expect(res.statusCode).toBe(400);
      expect(new Set(fieldsOf(res))).toEqual(new Set(['timezone', 'weekendDays', 'holidays']));
    });
  });

  it('should document the configuration paths in OpenAPI', async () => {
    const doc = (await inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/config/sla-policies',
        '/v1/config/sla-policies/{id}',
        '/v1/config/sla-policies/{id}/history',
        '/v1/config/calendars',
        '/v1/config/calendars/history',
        '/v1/config/stores',
      ]),
    );
    expect(Object.keys(doc.paths['/v1/config/sla-policies/{id}'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/v1/config/sla-policies/{id}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'asOf']));
    expect(doc.paths['/v1/config/calendars'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['asOf']);
    const body = doc.paths['/v1/config/sla-policies/{id}'].post.requestBody.content['application/json'].schema;
    expect(body.properties.firstResponse.properties.hours).toMatchObject({ type: 'number', maximum: 1440 });
    expect(body.properties.resolution.properties.workingDays).toMatchObject({ type: 'integer', minimum: 1, maximum: 60 });
    expect(doc.paths['/v1/config/calendars'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['timezone', 'weekendDays', 'holidays', 'makeUpWorkingDays']),
    );
  });
});
