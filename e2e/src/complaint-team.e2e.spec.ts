import { eventually } from '@cs/testing';
import { Platform, type Claims } from './support/platform.js';

const storeStaff: Claims = { sub: 'staff-s001', role: 'store_staff', storeId: 'S001', name: 'Zhang Wei' };
const storeManager: Claims = { sub: 'mgr-s001', role: 'store_manager', storeId: 'S001' };
const hqAgent: Claims = { sub: 'agent-r1', role: 'hq_cs_agent', regionIds: ['R1'], name: 'Li Na' };
const hqManager: Claims = { sub: 'hq-mgr', role: 'hq_cs_manager', name: 'Chen' };
const customer: Claims = { sub: 'm-team-e2e', role: 'customer', name: 'Wang Fang' };

/** Issue 11 through HTTP: a store files and owns a complaint, HQ takes it over, and it runs to the case library and the report. */
describe('complaints as an HQ team works them, through the gateway', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 60_000);
  afterAll(() => platform.stop());
  const post = (url: string, as: Claims, body: unknown = {}) => platform.request('POST', url, as, body);
  const get = (url: string, as: Claims) => platform.request('GET', url, as);

  it('files at the store, escalates to HQ, resolves within HQ authority, closes after the call-back, publishes the case and reports it on time', async () => {
    // the store files: the filer owns it from the first moment (首问制)
    const filed = await post('/v1/complaints', storeStaff, {
      channel: 'store_visit',
      source: 'store',
      storeId: 'S001',
      memberId: customer.sub,
      description: 'The down jacket lost its filling after one wash; call back on 13912345678 for the refund',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ assigneeId: storeStaff.sub, slaPolicyId: 'chain' });
    const id: string = filed.body.id;
    const act = (action: string, as: Claims, body: unknown = {}) => post(`/v1/complaints/${id}/${action}`, as, body);

    expect((await act('classify', storeStaff, { category: 'PRODUCT_QUALITY', severity: 'P2' })).status).toBe(200);
    expect((await act('assign', storeStaff, { assigneeId: storeStaff.sub })).status).toBe(200);
    expect((await act('first-response', storeStaff, { message: 'We are sorry; we are checking the batch.' })).status).toBe(200);

    // a 600 CNY refund is beyond what the store may grant
    const tooMuch = await act('solutions', storeStaff, { description: 'Refund', compensation: { kind: 'refund', amount: 60_000 } });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body).toMatchObject({ code: 'COMPENSATION_ABOVE_AUTHORITY' });

    // escalating hands the case to the HQ agent; the store no longer works it
    const escalated = await act('escalate', storeStaff, { toLevel: 'hq_agent', reason: 'Refund beyond store authority', assigneeId: hqAgent.sub, assigneeName: 'Li Na' });
    expect(escalated.status).toBe(200);
    const atHq = await get(`/v1/complaints/${id}`, hqAgent);
    expect(atHq.body).toMatchObject({ assigneeId: hqAgent.sub, escalationLevel: 'hq_agent' });
    expect((await act('solutions', storeStaff, { description: 'Voucher' })).status).toBe(403);
    expect((await act('solutions', storeManager, { description: 'Voucher' })).status).toBe(403);
    const history = await get(`/v1/complaints/${id}/history`, hqAgent);
    const handovers = history.body.items.filter((i: { type: string }) => i.type === 'ComplaintAssigned').map((i: { data: unknown }) => i.data);
    expect(handovers.at(-1)).toMatchObject({ assigneeId: hqAgent.sub, previousAssigneeId: storeStaff.sub, via: 'escalation', note: 'Refund beyond store authority' });

    // HQ may grant it; the customer accepts; it is resolved
    const proposed = await act('solutions', hqAgent, { description: 'Full refund of the jacket', compensation: { kind: 'refund', amount: 60_000 } });
    expect(proposed.status).toBe(200);
    expect((await act('solutions/1/accept', customer)).status).toBe(200);
    expect((await act('resolve', hqAgent, { outcome: 'Refunded 600 CNY; the customer was told by phone' })).status).toBe(200);

    // closing waits for the call-back (R23)
    const early = await act('close', hqAgent);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'COMPLAINT_CALLBACK_NOT_SETTLED' });
    const callback = await eventually(async () => {
      const listed = await get(`/v1/callbacks?sourceRef=${id}`, hqAgent);
      expect(listed.body.items).toEqual([expect.objectContaining({ kind: 'complaint', status: 'pending' })]);
      return listed.body.items[0] as { id: string };
    });
    expect((await post(`/v1/callbacks/${callback.id}/attempts`, hqAgent, { outcome: 'no_answer' })).status).toBe(200);
    const completed = await post(`/v1/callbacks/${callback.id}/complete`, hqAgent, { satisfaction: 5, satisfied: true, note: 'Happy with the refund' });
    expect(completed.status).toBe(200);
    expect((await get(`/v1/callbacks/${callback.id}`, hqAgent)).body).toMatchObject({ status: 'completed', result: { satisfaction: 5, satisfied: true } });

    const closed = await act('close', hqAgent);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    // the case library: a draft with personal data stripped, published by the weekly review, found by agents
    const draft = await eventually(async () => {
      const drafts = await get('/v1/cases?status=draft', hqManager);
      const mine = drafts.body.items.find((c: { fromComplaintId: string }) => c.fromComplaintId === id);
      expect(mine).toBeDefined();
      return mine as { id: string; summary: string; resolution: string };
    });
    expect(`${draft.summary} ${draft.resolution}`).not.toMatch(/13912345678/);
    expect((await post(`/v1/cases/${draft.id}/publish`, hqManager, { note: 'Friday review' })).status).toBe(200);
    await eventually(async () => {
      const found = await get('/v1/cases?q=filling%20wash', hqAgent);
      expect(found.body.items.map((c: { id: string }) => c.id)).toContain(draft.id);
    });

    // the monthly report counts it, on time, in the month it was received (Shanghai time); the
    // call-back counts in the month it was due, which near a month's end is the next one
    const monthOf = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = (month: string) => get(`/v1/reports/complaints?period=month&from=${month}-01&storeId=S001`, hqManager);
    const receivedMonth = monthOf((await get(`/v1/complaints/${id}`, hqAgent)).body.receivedAt);
    const dueMonth = monthOf((await get(`/v1/callbacks/${callback.id}`, hqAgent)).body.dueAt);
    await eventually(async () => {
      const received = await report(receivedMonth);
      expect(received.status).toBe(200);
      expect(received.body).toMatchObject({
        complaints: 1,
        by: { category: { PRODUCT_QUALITY: 1 }, source: { store: 1 }, severity: { P2: 1 } },
        onTimeFirstResponseRate: 1,
        onTimeResolutionRate: 1,
        escalationRate: 1,
      });
      expect((await report(dueMonth)).body).toMatchObject({ callbacks: { due: 1, completionRate: 1 } });
    });
  });
});
