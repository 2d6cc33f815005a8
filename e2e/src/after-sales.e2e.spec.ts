import { addCalendarDays, addWorkingDays, localDate, startOfLocalDay, workingCalendar } from '@cs/calendar';
import { eventually } from '@cs/testing';
import { Platform, type Claims } from './support/platform.js';

const storeStaff: Claims = { sub: 'staff-s001', role: 'store_staff', storeId: 'S001', name: 'Zhang Wei' };
const storeManager: Claims = { sub: 'mgr-s001', role: 'store_manager', storeId: 'S001' };
const otherStore: Claims = { sub: 'staff-s003', role: 'store_staff', storeId: 'S003' };
const hqAgent: Claims = { sub: 'agent-r1', role: 'hq_cs_agent', regionIds: ['R1'] };
const technician: Claims = { sub: 'tech-1', role: 'technician' };
const ZONE = 'Asia/Shanghai';

/** The platform runs on the real clock: dates are computed from today, in the organisation's zone. */
const today = () => localDate(new Date().toISOString(), { timezone: ZONE });
const windowEnd = (receivedOn: string) => new Date(Date.parse(startOfLocalDay(addCalendarDays(receivedOn, 8), ZONE)) - 1).toISOString();

describe('after-sales end to end, through the gateway', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 60_000);
  afterAll(() => platform.stop());
  const post = (url: string, as: Claims | null, body?: unknown, headers?: Record<string, string>) => platform.request('POST', url, as, body ?? {}, headers);
  const get = (url: string, as: Claims | null) => platform.request('GET', url, as);

  let memberId: string;

  it('registers the member the returns are for', async () => {
    const submitted = await post('/v1/members', storeStaff, {
      storeId: 'S001',
      name: 'Wang Fang',
      mobile: '13912340001',
      gender: 'female',
      birthDate: '1990-05-06',
      postalAddress: '88 Huaihai Rd, Shanghai',
    });
    expect(submitted.status).toBe(201);
    memberId = submitted.body.id;
    expect((await post(`/v1/members/${memberId}/review`, hqAgent, { decision: 'approve' })).status).toBe(200);
  });

  it('files a return at the counter, receives and inspects it, refunds part then the rest, refuses a third refund, and shows each step in history and asOf', async () => {
    const receivedAt = today();
    const filed = await post('/v1/after-sales', storeStaff, {
      type: 'return',
      storeId: 'S001',
      memberId,
      orderRef: 'POS-E2E-1',
      receivedAt,
      items: [{ sku: 'JK-01-M', name: 'Down jacket', size: 'M', colour: 'navy', quantity: 2, purchasedQuantity: 2, unitPrice: 59900 }],
      reason: 'size_fit',
      description: 'Both too small',
    });
    expect(filed.status).toBe(201);
    expect(filed.headers.etag).toBe('W/"1"');
    expect(filed.headers.location).toBe(`/v1/after-sales/${filed.body.id}`);
    expect(filed.body).toMatchObject({ type: 'return', status: 'requested', windowEndsAt: windowEnd(receivedAt), refundCeiling: 119800 });
    const id = filed.body.id as string;
    const url = `/v1/after-sales/${id}`;

    expect((await post(`${url}/approve`, storeStaff, {})).status).toBe(403);
    expect((await post(`${url}/approve`, storeManager, {}, { 'if-match': 'W/"1"' })).body).toMatchObject({ status: 'awaiting_goods', version: 2 });
    expect((await post(`${url}/receive`, storeStaff, { accessoriesIncluded: true, invoiceIncluded: true, waybillNo: 'SF100' })).body.status).toBe('inspecting');
    expect((await post(`${url}/inspect`, storeStaff, { result: 'pass', notes: 'tags on' })).body.status).toBe('refund_pending');
    const first = await post(`${url}/refund`, storeManager, { amount: 50000 });
    expect([first.status, first.body]).toEqual([200, expect.objectContaining({ status: 'refund_pending', refundedTotal: 50000, refundRemaining: 69800 })]);
    expect((await post(`${url}/refund`, storeManager, { amount: 69800 })).body).toMatchObject({ status: 'refunded', refundedTotal: 119800 });
    const third = await post(`${url}/refund`, storeManager, { amount: 100 });
    expect(third.status).toBe(422);
    expect(third.headers['content-type']).toContain('application/problem+json');
    expect(third.body).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', details: { paid: 119800, refunded: 119800, remaining: 0 } });

    const history = await get(`${url}/history`, storeManager);
    expect(history.status).toBe(200);
    const steps = history.body.items as Array<{ version: number; type: string; at: string; actor: { id: string } }>;
    expect(steps.map((s) => s.type)).toEqual(['ReturnRequested', 'ReturnApproved', 'ReturnGoodsReceived', 'ReturnInspected', 'RefundIssued', 'RefundIssued']);
    expect(steps.map((s) => s.actor.id)).toEqual(['staff-s001', 'mgr-s001', 'staff-s001', 'staff-s001', 'mgr-s001', 'mgr-s001']);

    // each step as it was: the instant the next command was given sees everything before it
    const expected = [
      ['requested', 0],
      ['awaiting_goods', 0],
      ['inspecting', 0],
      ['refund_pending', 0],
      ['refund_pending', 50000],
    ];
    for (const [i, [status, refundedTotal]] of expected.entries()) {
      const then = await get(`${url}?asOf=${encodeURIComponent(steps[i + 1].at)}`, storeStaff);
      expect([i, then.body.version, then.body.status, then.body.refundedTotal]).toEqual([i, i + 1, status, refundedTotal]);
    }
    const now = await get(url, storeStaff);
    expect(now.headers.etag).toBe('W/"6"');
    expect(now.body).toMatchObject({ status: 'refunded', refunds: [expect.objectContaining({ amount: 50000 }), expect.objectContaining({ amount: 69800 })] });
    await eventually(async () => expect((await get(url, storeStaff)).body.member).toMatchObject({ id: memberId, name: 'Wang Fang' }), 15_000);
    expect((await get(url, otherStore)).status).toBe(404);

    await eventually(async () => {
      const register = await get(`/v1/after-sales/return-register?storeId=S001&from=${receivedAt}&to=${receivedAt}`, storeManager);
      expect(register.body.items).toEqual([
        expect.objectContaining({ requestId: id, sku: 'JK-01-M', model: 'Down jacket', quantity: 2, problem: 'Both too small', waybillNo: 'SF100', disposition: 'restocked' }),
      ]);
    });
  });

  it('refuses a return past its window, naming the window end and offering the warranty repair', async () => {
    const receivedAt = addCalendarDays(today(), -10);
    const late = await post('/v1/after-sales', storeStaff, {
      type: 'return',
      storeId: 'S001',
      memberId,
      orderRef: 'POS-E2E-2',
      receivedAt,
      items: [{ sku: 'JK-02', name: 'Rain jacket', quantity: 1, unitPrice: 39900 }],
      reason: 'quality',
      warranty: 'in',
      description: 'Seam leaks',
    });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'RETURN_WINDOW_PASSED', details: { windowEndsAt: windowEnd(receivedAt), warrantyRepairOffered: true } });
    expect(late.body.detail).toContain(windowEnd(receivedAt));
  });

  it('gives a carry-in repair of 12 units a due instant 4 working days after the item arrives', async () => {
    const filed = await post('/v1/after-sales', storeStaff, {
      type: 'repair',
      storeId: 'S001',
      memberId,
      items: [{ sku: 'ZIP-9', name: 'Jacket zip', quantity: 12, unitPrice: 0 }],
      reason: 'quality',
      warranty: 'in',
      serviceMode: 'carry_in',
      description: 'Zips stuck',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ type: 'repair', status: 'registered', dueAt: null });
    const received = await post(`/v1/after-sales/${filed.body.id}/receive`, technician, {});
    expect(received.status).toBe(200);
    const view = (await get(`/v1/after-sales/${filed.body.id}`, storeStaff)).body;
    expect(view.dueAt).toBe(addWorkingDays(view.receipt.at, 4, workingCalendar({ timezone: ZONE })));
    expect(received.body.dueAt).toBe(view.dueAt);
    expect(view).toMatchObject({ status: 'item_received', breached: false, serviceMode: 'carry_in', units: 12 });
    expect((await post(`/v1/after-sales/${filed.body.id}/approve`, storeManager, {})).body).toMatchObject({ code: 'AFTER_SALES_ACTION_NOT_APPLICABLE' });
  });

  it('changes the after-sales terms as events under /v1/config/after-sales-policy, documented in OpenAPI', async () => {
    const hqManager: Claims = { sub: 'hq-mgr', role: 'hq_cs_manager' };
    const current = await get('/v1/config/after-sales-policy', storeStaff);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: 0, returnWindowDays: 7, turnaround: { unitsPerBlock: 10, workingDaysPerBlock: 2 }, onSiteVisitHours: 24 });
    const { id: _id, version: _version, ...terms } = current.body;
    expect((await post('/v1/config/after-sales-policy', storeManager, { ...terms, returnWindowDays: 15 })).status).toBe(403);
    const bad = await post('/v1/config/after-sales-policy', hqManager, { ...terms, returnWindowDays: -1 });
    expect([bad.status, bad.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['returnWindowDays']]);
    const defined = await post('/v1/config/after-sales-policy', hqManager, { ...terms, returnWindowDays: 15 }, { 'if-match': 'W/"0"' });
    expect([defined.status, defined.body]).toEqual([200, expect.objectContaining({ version: 1, changed: true })]);
    expect((await get('/v1/config/after-sales-policy', storeStaff)).body).toMatchObject({ version: 1, returnWindowDays: 15, definedBy: 'hq-mgr' });
    expect((await get('/v1/config/after-sales-policy/history', storeStaff)).body.items).toEqual([expect.objectContaining({ version: 1, type: 'AfterSalesPolicyDefined' })]);

    const docs = await get('/docs/openapi.json', null);
    const paths = Object.keys(docs.body.paths);
    for (const path of ['/v1/after-sales', '/v1/after-sales/{id}', '/v1/after-sales/{id}/history', '/v1/after-sales/{id}/quote/accept', '/v1/after-sales/return-register', '/v1/config/after-sales-policy']) {
      expect(paths).toContain(path);
    }
  });
});
