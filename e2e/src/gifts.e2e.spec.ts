import { eventually } from '@cs/testing';
import { Platform, type Claims } from './support/platform.js';

const hqManager: Claims = { sub: 'hq-mgr', role: 'hq_cs_manager', name: 'Chen' };
const generalManager: Claims = { sub: 'gm', role: 'general_manager', name: 'Zhou' };
const warehouse: Claims = { sub: 'wh-1', role: 'warehouse', name: 'Wu' };
const storeManager: Claims = { sub: 'mgr-s001', role: 'store_manager', storeId: 'S001' };
const storeStaff: Claims = { sub: 'staff-s001', role: 'store_staff', storeId: 'S001', name: 'Zhang Wei' };
const otherStore: Claims = { sub: 'staff-s003', role: 'store_staff', storeId: 'S003' };

const SKU = 'GIFT-SCARF-E2E';
/** The stocktake period: this month in the chain's calendar. */
const period = () => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
};

describe('gifts end to end, through the gateway', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 90_000);
  afterAll(() => platform.stop());
  const post = (url: string, as: Claims | null, body?: unknown, headers?: Record<string, string>) => platform.request('POST', url, as, body ?? {}, headers);
  const get = (url: string, as: Claims | null) => platform.request('GET', url, as);
  const stockOf = async (locationId: string, as: Claims = hqManager) => {
    const res = await get(`/v1/gift-stock?locationId=${locationId}&sku=${SKU}`, as);
    expect(res.status).toBe(200);
    return res.body.items[0];
  };
  const expectStock = (locationId: string, figures: Record<string, number>) => eventually(async () => expect(await stockOf(locationId)).toMatchObject(figures), 20_000);

  it('takes gifts from an approved plan to a store, a customer and a stocktake, checking every stock figure', async () => {
    const defined = await post('/v1/gifts', hqManager, { sku: SKU, name: 'Silk scarf', spec: '90x90cm', unit: 'piece', unitCost: 3500, minStock: { hq: 5, store: 2 } });
    expect(defined.status).toBe(201);
    expect(defined.headers.location).toBe(`/v1/gifts/${SKU}`);

    // 礼品采购需求计划: HQ drafts, the general manager approves, the warehouse receives
    const plan = await post('/v1/procurement-plans', hqManager, { period: period(), lines: [{ sku: SKU, quantity: 100, estimatedUnitCost: 3500, basis: 'Birthdays and complaint compensation' }] });
    expect(plan.status).toBe(201);
    const planId = plan.body.id;
    expect((await post(`/v1/procurement-plans/${planId}/submit`, hqManager)).status).toBe(200);
    const byStore = await post(`/v1/procurement-plans/${planId}/approve`, storeManager);
    expect([byStore.status, byStore.headers['content-type']]).toEqual([403, expect.stringContaining('application/problem+json')]);
    const approved = await post(`/v1/procurement-plans/${planId}/approve`, generalManager, { comment: 'Within budget' });
    expect(approved.body).toMatchObject({ status: 'approved' });
    const received = await post(`/v1/procurement-plans/${planId}/receive`, warehouse, { lines: [{ sku: SKU, quantity: 100 }] });
    expect(received.body).toMatchObject({ status: 'received' });
    await expectStock('HQ', { onHand: 100, reserved: 0, available: 100, inTransit: 0 });

    // 礼品申请单: the store asks for 10, the CS manager approves 6, the warehouse ships
    const request = await post('/v1/gift-requests', storeManager, { storeId: 'S001', purpose: 'compensation', lines: [{ sku: SKU, quantity: 10 }] });
    expect(request.status).toBe(201);
    const requestId = request.body.id;
    expect((await post('/v1/gift-requests', otherStore, { storeId: 'S001', purpose: 'promotion', lines: [{ sku: SKU, quantity: 1 }] })).status).toBe(404);
    await post(`/v1/gift-requests/${requestId}/submit`, storeManager);
    const tooMany = await post(`/v1/gift-requests/${requestId}/approve`, hqManager, { lines: [{ sku: SKU, quantity: 11 }] });
    expect([tooMany.status, tooMany.body.code]).toEqual([422, 'GIFT_REQUEST_APPROVAL_EXCEEDS_REQUEST']);
    expect((await post(`/v1/gift-requests/${requestId}/approve`, hqManager, { lines: [{ sku: SKU, quantity: 6 }] })).body).toMatchObject({ status: 'approved' });
    await expectStock('HQ', { onHand: 100, reserved: 6, available: 94 });

    const expectedArrival = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const shipped = await post(`/v1/gift-requests/${requestId}/dispatch`, warehouse, { expectedArrival, waybillNo: 'SF1234567890' });
    expect(shipped.body).toMatchObject({ status: 'dispatched' });
    await expectStock('HQ', { onHand: 94, reserved: 0, available: 94 });
    await expectStock('S001', { onHand: 0, inTransit: 6 });

    // six arrive, one of them damaged: it does not enter on-hand and opens a discrepancy
    const arrival = await post(`/v1/gift-requests/${requestId}/receive`, storeManager, { lines: [{ sku: SKU, received: 6, damaged: 1 }] });
    expect(arrival.body).toMatchObject({ status: 'received_with_discrepancy' });
    await expectStock('S001', { onHand: 5, available: 5, inTransit: 0 });
    expect((await get(`/v1/gift-requests/${requestId}`, otherStore)).status).toBe(404);

    // a complaint granted a scarf as compensation; the store hands it over against that grant
    const complaint = await post('/v1/complaints', storeStaff, { channel: 'store_visit', source: 'store', storeId: 'S001', memberId: 'm-e2e-gift', description: 'Zip broke on day one' });
    expect(complaint.status).toBe(201);
    const complaintId = complaint.body.id;
    for (const [action, body] of [
      ['classify', { category: 'PRODUCT_QUALITY', severity: 'P3' }],
      ['assign', { assigneeId: storeStaff.sub }],
      ['solutions', { description: 'Repair plus a scarf', compensation: { kind: 'gift', giftSku: SKU, quantity: 1 } }],
      ['solutions/1/accept', {}],
    ] as const) {
      const res = await post(`/v1/complaints/${complaintId}/${action}`, action === 'assign' ? storeManager : storeStaff, body);
      expect({ action, status: res.status }).toEqual({ action, status: 200 });
    }
    const issuance = { locationId: 'S001', sku: SKU, quantity: 1, memberId: 'm-e2e-gift', reason: 'complaint_compensation', causeRef: complaintId };
    const issued = await eventually(async () => {
      const res = await post('/v1/gift-issuances', storeStaff, issuance);
      expect(res.status).toBe(201);
      return res;
    });
    expect(issued.body).toMatchObject({ status: 'issued', stockAfter: 4 });
    const again = await post('/v1/gift-issuances', storeStaff, issuance);
    expect([again.status, again.body.code]).toEqual([422, 'COMPENSATION_NOT_GRANTED']);
    await expectStock('S001', { onHand: 4 });
    await eventually(async () => {
      const register = await get('/v1/gift-issuances?locationId=S001&reason=complaint_compensation', storeStaff);
      expect(register.body.items).toEqual([expect.objectContaining({ issuanceId: issued.body.id, causeRef: complaintId, issuedBy: storeStaff.sub })]);
    });

    // 门店礼品盘点: the book is pinned at 4; one is missing; the CS manager approves the variance
    const stocktake = await post('/v1/stocktakes', storeStaff, { locationId: 'S001' });
    expect(stocktake.status).toBe(201);
    const stocktakeId = stocktake.body.id;
    const pinned = (await get(`/v1/stocktakes/${stocktakeId}`, storeStaff)).body.pinned;
    expect(pinned).toEqual([expect.objectContaining({ sku: SKU, bookQty: 4 })]);
    const unexplained = await post(`/v1/stocktakes/${stocktakeId}/counts`, storeStaff, { lines: [{ sku: SKU, counted: 3 }] });
    expect(unexplained.status).toBe(200);
    const refused = await post(`/v1/stocktakes/${stocktakeId}/submit`, storeStaff);
    expect([refused.status, refused.body.code]).toEqual([422, 'STOCKTAKE_VARIANCE_REASON_REQUIRED']);
    await post(`/v1/stocktakes/${stocktakeId}/counts`, storeStaff, { lines: [{ sku: SKU, counted: 3, reason: 'lost' }] });
    expect((await post(`/v1/stocktakes/${stocktakeId}/submit`, storeStaff)).body).toMatchObject({ status: 'submitted' });
    const confirmed = await post(`/v1/stocktakes/${stocktakeId}/approve`, hqManager, { note: 'One scarf lost, accepted' });
    expect(confirmed.body).toMatchObject({ status: 'confirmed' });
    await expectStock('S001', { onHand: 3, available: 3 });
    const history = await get(`/v1/stocktakes/${stocktakeId}/history`, storeStaff);
    expect(history.body.items.map((i: { type: string }) => i.type)).toEqual([
      'StocktakeStarted',
      'StocktakeCounted',
      'StocktakeCounted',
      'StocktakeSubmitted',
      'StocktakeConfirmed',
    ]);

    // 门店礼品盘点汇总表
    await eventually(async () => {
      const summary = await get(`/v1/stocktakes/summary?period=${period()}`, hqManager);
      expect(summary.status).toBe(200);
      expect(summary.body.stores).toEqual([expect.objectContaining({ storeId: 'S001', bookQty: 4, countedQty: 3, varianceQty: -1, varianceValue: -3500, varianceRate: -0.25 })]);
      expect(summary.body.chain).toMatchObject({ varianceQty: -1, varianceValue: -3500 });
    });
    expect((await get(`/v1/gift-stock?locationId=S001`, otherStore)).body.items).toEqual([]);
  });

  it('answers bad input and refused actions with problem+json, never a 500', async () => {
    const cases: Array<[string, Promise<{ status: number; headers: Record<string, unknown>; body: any }>, number, string?]> = [
      ['quantity 0', post('/v1/gift-issuances', storeStaff, { locationId: 'S001', sku: SKU, quantity: 0, memberId: 'm-1', reason: 'other' }), 400],
      ['an unknown field', post('/v1/gift-requests', storeManager, { storeId: 'S001', purpose: 'promotion', lines: [{ sku: SKU, quantity: 1 }], priority: 'high' }), 400],
      ['an unknown plan', get('/v1/procurement-plans/no-such-plan', hqManager), 404, 'PROCUREMENT_PLAN_NOT_FOUND'],
      ['more than the store has', post('/v1/gift-issuances', storeStaff, { locationId: 'S001', sku: SKU, quantity: 99, memberId: 'm-1', reason: 'other' }), 422, 'STOCK_INSUFFICIENT'],
      ['a purchase gift without its receipt', post('/v1/gift-issuances', storeStaff, { locationId: 'S001', sku: SKU, quantity: 1, memberId: 'm-1', reason: 'purchase_promotion' }), 422, 'ISSUANCE_CAUSE_REQUIRED'],
      ['another store', post('/v1/gift-issuances', otherStore, { locationId: 'S001', sku: SKU, quantity: 1, memberId: 'm-1', reason: 'other' }), 403, 'LOCATION_FORBIDDEN'],
      ['a warehouse stocktake by a store', post('/v1/stocktakes', storeStaff, { locationId: 'HQ' }), 403, 'LOCATION_FORBIDDEN'],
      ['a summary without its period', get('/v1/stocktakes/summary', hqManager), 400],
    ];
    const patch = (body: unknown, as: Claims) =>
      platform.gateway.inject({ method: 'PATCH', url: `/v1/gifts/${SKU}`, headers: { authorization: `Bearer ${platform.token(as)}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const priced = await patch({ pointsPrice: 1200 }, hqManager);
    expect([priced.statusCode, priced.json().version, priced.headers.etag]).toEqual([200, 2, 'W/"2"']);
    expect((await patch({ pointsPrice: 1 }, storeStaff)).statusCode).toBe(403);
    expect((await get(`/v1/gifts/${SKU}`, storeStaff)).body).toMatchObject({ pointsPrice: 1200, status: 'active' });
    for (const [what, pending, status, code] of cases) {
      const res = await pending;
      expect({ what, status: res.status, type: res.headers['content-type'] }).toEqual({ what, status, type: expect.stringContaining('application/problem+json') });
      if (code) expect({ what, code: res.body.code }).toEqual({ what, code });
    }
  });
});
