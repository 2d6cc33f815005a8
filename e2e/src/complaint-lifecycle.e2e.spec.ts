import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { eventually } from '@cs/testing';
import { Platform, type Claims } from './support/platform.js';

const storeStaff: Claims = { sub: 'staff-s001', role: 'store_staff', storeId: 'S001', name: 'Zhang Wei' };
const otherStore: Claims = { sub: 'staff-s003', role: 'store_staff', storeId: 'S003' };
const storeManager: Claims = { sub: 'mgr-s001', role: 'store_manager', storeId: 'S001' };
const hqAgent: Claims = { sub: 'agent-r1', role: 'hq_cs_agent', regionIds: ['R1'], name: 'Li Na' };
const hqManager: Claims = { sub: 'hq-mgr', role: 'hq_cs_manager', name: 'Chen' };

describe('platform end to end, through the gateway', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 60_000);
  afterAll(() => platform.stop());
  const post = (url: string, as: Claims | null, body?: unknown, headers?: Record<string, string>) => platform.request('POST', url, as, body ?? {}, headers);
  const get = (url: string, as: Claims | null) => platform.request('GET', url, as);

  let memberId: string;
  let memberNo: string;
  let complaintId: string;

  it('registers a member: store submits, HQ asks for a supplement, store supplements, HQ approves', async () => {
    const submitted = await post('/v1/members', storeStaff, { storeId: 'S001', name: 'Wang Fang', mobile: '13912345678', gender: 'female' });
    expect(submitted.status).toBe(201);
    expect(submitted.headers.etag).toBe('W/"1"');
    memberId = submitted.body.id;

    await eventually(async () => {
      const queue = await get('/v1/members/review-queue', hqAgent);
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((m: { id: string }) => m.id)).toContain(memberId);
    });
    const incomplete = await post(`/v1/members/${memberId}/review`, hqAgent, { decision: 'approve' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.headers['content-type']).toContain('application/problem+json');

    const requested = await post(`/v1/members/${memberId}/review`, hqAgent, {
      decision: 'request_supplement',
      missingFields: ['birthDate', 'postalAddress'],
      note: 'Birth date and address are missing',
    });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({ version: 2, status: 'needs_supplement' });

    const supplemented = await post(`/v1/members/${memberId}/supplement`, storeStaff, { birthDate: '1991-04-02', postalAddress: '88 Huaihai Rd, Shanghai' });
    expect(supplemented.status).toBe(200);
    const approved = await post(`/v1/members/${memberId}/review`, hqAgent, { decision: 'approve' }, { 'if-match': 'W/"3"' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    memberNo = approved.body.memberNo;

    const view = await get(`/v1/members/${memberId}`, storeStaff);
    expect(view.body).toMatchObject({ status: 'active', memberNo, mobile: '139****5678' });
    const duplicate = await post('/v1/members', storeStaff, { storeId: 'S001', name: 'Someone Else', mobile: '13912345678' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'MOBILE_ALREADY_REGISTERED' });
    expect(duplicate.body.detail).toContain(memberNo);
  });

  it('files a complaint whose view shows the member as complaints projected it from members events', async () => {
    const filed = await post('/v1/complaints', storeStaff, {
      channel: 'store_visit',
      source: 'store',
      storeId: 'S001',
      memberId,
      description: 'The zip of the jacket broke on the second day',
      orderRef: 'POS-20260601-0042',
    });
    expect(filed.status).toBe(201);
    complaintId = filed.body.id;
    const received = Date.parse((await get(`/v1/complaints/${complaintId}`, storeStaff)).body.receivedAt);
    // the chain policy: first reply within 24 h, handled within 48 h
    expect(Date.parse(filed.body.firstResponseDueAt) - received).toBe(24 * 3_600_000);
    expect(Date.parse(filed.body.resolutionDueAt) - received).toBe(48 * 3_600_000);
    await eventually(async () => {
      const view = await get(`/v1/complaints/${complaintId}`, storeStaff);
      expect(view.body.member).toMatchObject({ id: memberId, name: 'Wang Fang', memberNo, status: 'active' });
    }, 15_000);
  });

  it('goes through classify, assign, first response, investigate, escalate, propose, reject, propose, accept, resolve, close', async () => {
    const steps: Array<[string, Claims, unknown]> = [
      ['classify', storeStaff, { category: 'PRODUCT_QUALITY', severity: 'P3' }],
      ['assign', storeManager, { assigneeId: storeStaff.sub, assigneeName: 'Zhang Wei' }],
      ['first-response', storeStaff, { message: 'Sorry about the zip; we are checking the batch.' }],
      ['investigate', storeStaff, { note: 'Zip batch 2026-05 under review' }],
      ['escalate', storeStaff, { toLevel: 'hq_agent', reason: 'An exchange is out of store authority' }],
      ['solutions', storeStaff, { description: 'Repair the zip for free', compensation: { kind: 'repair' } }],
      ['solutions/1/reject', storeStaff, { reason: 'The customer wants a new jacket' }],
      ['solutions', storeStaff, { description: 'Exchange for a new jacket plus a gift', compensation: { kind: 'gift', giftSku: 'GIFT-SCARF', quantity: 1 } }],
      ['solutions/2/accept', storeStaff, {}],
      ['resolve', storeStaff, { outcome: 'Jacket exchanged and scarf given; customer informed in store' }],
      // the case is at HQ level now: its owner closes it, once the call-back is done (R23)
      ['close', storeStaff, { satisfaction: 5, note: 'Customer satisfied', callbackOutcome: 'satisfied' }],
    ];
    let version = 2; // filed, and owned by its filer (首问制)
    let beforeEscalation = '';
    for (const [action, as, body] of steps) {
      if (action === 'escalate') {
        await new Promise((r) => setTimeout(r, 20));
        beforeEscalation = new Date().toISOString();
        await new Promise((r) => setTimeout(r, 20));
      }
      if (action === 'close') {
        const callbacks = await eventually(async () => {
          const listed = await get(`/v1/callbacks?sourceRef=${complaintId}`, hqAgent);
          expect(listed.body.items).toHaveLength(1);
          return listed.body.items as Array<{ id: string }>;
        });
        const done = await post(`/v1/callbacks/${callbacks[0]!.id}/complete`, hqAgent, { satisfaction: 5, satisfied: true });
        expect(done.status).toBe(200);
      }
      const res = await post(`/v1/complaints/${complaintId}/${action}`, as, body, { 'if-match': `W/"${version}"` });
      expect({ action, status: res.status, body: res.body }).toMatchObject({ action, status: 200 });
      expect(res.body.version).toBeGreaterThan(version);
      version = res.body.version;
      expect(res.headers.etag).toBe(`W/"${version}"`);
    }
    const view = await get(`/v1/complaints/${complaintId}`, storeStaff);
    expect(view.body).toMatchObject({ status: 'closed', escalationLevel: 'hq_agent', satisfaction: 5 });
    expect(view.body.solutions.map((s: { status: string }) => s.status)).toEqual(['rejected', 'accepted']);

    const history = await get(`/v1/complaints/${complaintId}/history`, storeStaff);
    const types = history.body.items.map((i: { type: string }) => i.type);
    expect(types).toEqual([
      'ComplaintFiled',
      'ComplaintAssigned',
      'ComplaintClassified',
      'ComplaintAssigned',
      'FirstResponseSent',
      'InvestigationStarted',
      'ComplaintEscalated',
      'SolutionProposed',
      'SolutionRejected',
      'SolutionProposed',
      'SolutionAccepted',
      'ComplaintCompensationGranted',
      'ComplaintResolved',
      'ComplaintClosed',
    ]);
    for (const item of history.body.items) {
      expect(item.actor.id).toEqual(expect.any(String));
      expect(Date.parse(item.at)).not.toBeNaN();
    }
    expect(history.body.items[1]).toMatchObject({ actor: { id: storeStaff.sub }, data: { assigneeId: storeStaff.sub, via: 'filing' } });
    expect(history.body.items[3].actor).toMatchObject({ id: storeManager.sub, role: 'store_manager' });

    const past = await get(`/v1/complaints/${complaintId}?asOf=${encodeURIComponent(beforeEscalation)}`, storeStaff);
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ status: 'investigating', escalationLevel: 'store_staff', version: 6 });
    expect(past.headers.etag).toBe('W/"6"');
  });

  it('refuses a stale If-Match with 412 and keeps the stored state', async () => {
    const filed = await post('/v1/complaints', hqAgent, { channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Sun Li', mobile: '13700001111' }, description: 'Late delivery' });
    const id = filed.body.id;
    // version 2: filed, and owned by its filer (首问制)
    const first = await post(`/v1/complaints/${id}/classify`, hqAgent, { category: 'LOGISTICS', severity: 'P3' }, { 'if-match': 'W/"2"' });
    expect(first.status).toBe(200);
    const stale = await post(`/v1/complaints/${id}/classify`, hqAgent, { category: 'WRONG_ITEM', severity: 'P2' }, { 'if-match': 'W/"2"' });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const view = await get(`/v1/complaints/${id}`, hqAgent);
    expect(view.body).toMatchObject({ category: 'LOGISTICS', version: 3 });
  });

  it('gives one effect for a retried command with the same Idempotency-Key', async () => {
    const body = { channel: 'phone', source: 'hq', storeId: 'S002', customer: { name: 'Qian Yu', mobile: '13700002222' }, description: 'Wrong size sent' };
    const a = await post('/v1/complaints', hqAgent, body, { 'idempotency-key': 'retry-123' });
    const b = await post('/v1/complaints', hqAgent, body, { 'idempotency-key': 'retry-123' });
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    const id = a.body.id;
    const c1 = await post(`/v1/complaints/${id}/classify`, hqAgent, { category: 'WRONG_ITEM', severity: 'P3' }, { 'idempotency-key': 'k-classify' });
    const c2 = await post(`/v1/complaints/${id}/classify`, hqAgent, { category: 'WRONG_ITEM', severity: 'P3' }, { 'idempotency-key': 'k-classify' });
    expect(c2.body.version).toBe(c1.body.version);
    const history = await get(`/v1/complaints/${id}/history`, hqAgent);
    expect(history.body.items.filter((i: { type: string }) => i.type === 'ComplaintClassified')).toHaveLength(1);
    await eventually(async () => {
      const listed = await get('/v1/complaints?storeId=S002', hqManager);
      expect(listed.body.items.filter((i: { id: string }) => i.id === id)).toHaveLength(1);
    });
  });

  it('hides another store’s complaint and member (404) and requires a token (401)', async () => {
    expect((await get(`/v1/complaints/${complaintId}`, otherStore)).status).toBe(404);
    expect((await get(`/v1/members/${memberId}`, otherStore)).status).toBe(404);
    expect((await post(`/v1/complaints/${complaintId}/reopen`, otherStore, { reason: 'x' })).status).toBe(404);
    const list = await get('/v1/complaints', otherStore);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(complaintId);
    expect((await get(`/v1/complaints/${complaintId}`, null)).status).toBe(401);
  });

  it('lets a customer file and follow only its own complaints, and answer a proposal', async () => {
    const customer: Claims = { sub: memberId, role: 'customer', name: 'Wang Fang' };
    const stranger: Claims = { sub: 'someone-else', role: 'customer' };
    const filed = await post('/v1/complaints', customer, { channel: 'web', source: 'hq', storeId: 'ONLINE', description: 'Parcel arrived wet' });
    expect(filed.status).toBe(201);
    const id = filed.body.id;
    const mine = await get(`/v1/complaints/${id}`, customer);
    expect(mine.status).toBe(200);
    expect(mine.body.memberId).toBe(memberId);
    expect((await get(`/v1/complaints/${id}`, stranger)).status).toBe(404);
    expect((await get(`/v1/complaints/${complaintId}`, stranger)).status).toBe(404);

    await post(`/v1/complaints/${id}/classify`, hqManager, { category: 'LOGISTICS', severity: 'P3' });
    await post(`/v1/complaints/${id}/assign`, hqManager, { assigneeId: 'hq-mgr' });
    await post(`/v1/complaints/${id}/solutions`, hqManager, { description: 'Voucher for the trouble', compensation: { kind: 'voucher', amount: 5000 } });
    expect((await post(`/v1/complaints/${id}/solutions/1/accept`, stranger, {})).status).toBe(404);
    const accepted = await post(`/v1/complaints/${id}/solutions/1/accept`, customer, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('solution_accepted');
    expect((await post(`/v1/complaints/${id}/resolve`, customer, { outcome: 'x' })).status).toBe(403);
  });

  it('carries the caller’s W3C trace from HTTP through RPC into the stored event and the published message', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await post('/v1/members', storeStaff, { storeId: 'S001', name: 'Trace Me', mobile: '13955554444' }, {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(res.status).toBe(201);
    const db = new pg.Client({ connectionString: platform.membersConfig.databaseUrl });
    await db.connect();
    const { rows } = await db.query('select metadata from es_events where stream_id = $1', [`member-${res.body.id}`]);
    await db.end();
    expect(rows[0].metadata.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(rows[0].metadata).toMatchObject({ commandType: 'SubmitApplication', actor: { id: storeStaff.sub } });

    const nc = await connect({ servers: platform.membersConfig.natsUrl });
    try {
      await eventually(async () => {
        const stream = await jetstream(nc).streams.get(`${platform.membersConfig.streamPrefix}MEMBERS_EVT`);
        const msg = await stream.getMessage({ last_by_subj: `${platform.prefix}members.evt.MemberApplicationSubmitted.v1` });
        expect(msg?.json<{ data: { memberId: string } }>().data.memberId).toBe(res.body.id);
        expect(msg?.header.get('traceparent')).toContain(traceId);
      });
    } finally {
      await nc.drain();
    }
  });

  it.each([
    ['/v1/members', { storeId: 'S001', name: 'X', mobile: '123' }, 'mobile'],
    ['/v1/members', { storeId: 'S001', mobile: '13800000000' }, 'name'],
    ['/v1/members', { storeId: 'S001', name: 'X', mobile: '13800000009', birthDate: '1990-02-30' }, 'birthDate'],
    ['/v1/members', { storeId: 'S001', name: 'X', mobile: '13800000009', unexpected: true }, 'unexpected'],
    ['/v1/complaints', { channel: 'fax', source: 'hq', storeId: 'S001', customer: { name: 'A', mobile: '13800000000' }, description: 'd' }, 'channel'],
    ['/v1/complaints', { channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'A', mobile: 'abc' }, description: 'd' }, 'customer.mobile'],
    ['/v1/complaints', { channel: 'phone', source: 'hq', storeId: 'S001', description: 'd' }, 'customer'],
    ['/v1/complaints', { channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'A', mobile: '13800000000' } }, 'description'],
  ])('answers a malformed body on %s with 400 naming the field (%#)', async (url, body, field) => {
    const as = url === '/v1/members' ? storeStaff : hqAgent;
    const res = await post(url, as, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers malformed actions with 400 naming the field, and bad JSON with 400', async () => {
    const bad = await post(`/v1/complaints/${complaintId}/escalate`, storeStaff, { toLevel: 'ceo', reason: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['toLevel', 'reason']));
    const json = await platform.request('POST', '/v1/complaints', hqAgent, '{"channel":', { 'content-type': 'application/json' });
    expect(json.status).toBe(400);
    const badVersion = await post(`/v1/complaints/${complaintId}/reopen`, storeStaff, { reason: 'again' }, { 'if-match': 'banana' });
    expect(badVersion.status).toBe(400);
  });
});
