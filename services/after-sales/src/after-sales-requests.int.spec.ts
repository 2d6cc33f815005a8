import 'reflect-metadata';
import { jetstream } from '@nats-io/jetstream';
import { AfterSalesRpc, complaintCompensationGrantedV1, memberActivatedV1 } from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import type { RpcError } from '@cs/messaging';
import { eventually, testService } from '@cs/testing';
import { compensationRequestId } from './inbound/complaint-compensation/complaint-compensation.consumer.js';
import { configFromEnv, createService } from './main.js';

const staff: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const manager: Actor = { id: 'mgr-1', role: 'store_manager', storeId: 'S001' };
const otherStore: Actor = { id: 'staff-9', role: 'store_staff', storeId: 'S002' };
const tech: Actor = { id: 'tech-1', role: 'technician' };
const hqManager: Actor = { id: 'hqm-1', role: 'hq_cs_manager' };
const customer: Actor = { id: 'm-77', role: 'customer' };

const WEDNESDAY = '2026-06-03T02:00:00.000Z'; // 10:00 in Shanghai; goods received on Monday 1 June
const WINDOW_END = '2026-06-08T15:59:59.999Z';
const jacket = { sku: 'JK-01-M', name: 'Down jacket', size: 'M', quantity: 2, purchasedQuantity: 3, unitPrice: 59900 };

describe('after-sales service (returns, repairs, clocks, compensation)', () => {
  const service = testService({ service: 'after-sales', config: () => configFromEnv({}), start: createService, now: WEDNESDAY, upstream: ['members', 'complaints'] });
  const { clock, iso } = service;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor = staff) => service.call<T>(subject, payload, { actor });
  const rpcError = (p: Promise<unknown>) => p.then(() => null, (e: RpcError) => e);
  const fileReturn = (extra: Record<string, unknown> = {}, actor: Actor = staff) =>
    call(AfterSalesRpc.FileRequest, { type: 'return', storeId: 'S001', memberId: 'm-1', orderRef: 'POS-778', receivedAt: '2026-06-01', items: [jacket], reason: 'size_fit', description: 'Too small', goodsPresent: true, ...extra }, actor);
  const view = (requestId: string, actor: Actor = staff) => call(AfterSalesRpc.GetRequest, { requestId }, actor);
  const act = (subject: string, requestId: string, body: object = {}, actor: Actor = staff) => call(subject, { ...body, requestId }, actor);

  beforeAll(() => service.start());
  afterAll(() => service.stop());

  it('never refunds more than was paid for the returned lines, under concurrent partial refunds', async () => {
    clock.set(WEDNESDAY);
    const filed = await fileReturn();
    expect(filed).toMatchObject({ status: 'requested', windowEndsAt: WINDOW_END, refundCeiling: 119800 });
    const id = filed.id as string;
    await act(AfterSalesRpc.ReceiveGoods, id, { accessoriesIncluded: true, invoiceIncluded: true });
    await act(AfterSalesRpc.InspectGoods, id, { result: 'pass' });

    const attempts = await Promise.all([1, 2, 3, 4].map(() => rpcError(act(AfterSalesRpc.IssueRefund, id, { amount: 40000 }, manager))));
    const succeeded = attempts.filter((e) => e === null).length;
    expect(succeeded).toBeGreaterThanOrEqual(1);
    expect(succeeded).toBeLessThanOrEqual(2);
    for (const e of attempts.filter((a) => a !== null)) expect(['REFUND_EXCEEDS_PAID', 'WRONG_EXPECTED_VERSION']).toContain(e!.code);
    expect((await view(id)).refundedTotal).toBe(40000 * succeeded);

    await act(AfterSalesRpc.IssueRefund, id, { amount: 119800 - 40000 * succeeded }, manager);
    expect(await rpcError(act(AfterSalesRpc.IssueRefund, id, { amount: 1 }, manager))).toMatchObject({ kind: 'rule', code: 'REFUND_EXCEEDS_PAID' });
    expect(await view(id)).toMatchObject({ status: 'refunded', refundedTotal: 119800, refundRemaining: 0 });
  });

  it('never takes back more than the order line had, across concurrent requests, and frees what a cancelled request held', async () => {
    const line = { ...jacket, sku: 'SC-9', quantity: 1, purchasedQuantity: 3 };
    const results = await Promise.all([1, 2, 3, 4].map(() => rpcError(fileReturn({ orderRef: 'POS-Q', items: [line] }))));
    expect(results.filter((r) => r === null)).toHaveLength(3);
    expect(results.filter((r) => r !== null)).toEqual([expect.objectContaining({ kind: 'rule', code: 'RETURN_QUANTITY_EXCEEDS_PURCHASED' })]);

    const listed = await eventually(async () => {
      const page = await call(AfterSalesRpc.ListRequests, { storeId: 'S001', type: 'return' });
      const onOrder = page.items.filter((i: { orderRef: string }) => i.orderRef === 'POS-Q');
      expect(onOrder).toHaveLength(3);
      return onOrder;
    });
    await act(AfterSalesRpc.CancelRequest, listed[0].id, { reason: 'kept it' });
    expect(await fileReturn({ orderRef: 'POS-Q', items: [line] })).toMatchObject({ status: 'requested' });
  });

  it('keeps requests in their store and to their customer', async () => {
    const filed = await fileReturn({ memberId: customer.id, orderRef: 'POS-C' }, customer);
    expect(await rpcError(view(filed.id, otherStore))).toMatchObject({ kind: 'not_found', code: 'AFTER_SALES_REQUEST_NOT_FOUND' });
    expect(await rpcError(view(filed.id, { id: 'm-other', role: 'customer' }))).toMatchObject({ kind: 'not_found' });
    expect((await view(filed.id, customer)).memberId).toBe(customer.id);
    expect(await rpcError(act(AfterSalesRpc.ApproveRequest, filed.id, {}, customer))).toMatchObject({ kind: 'forbidden' });
    expect(await act(AfterSalesRpc.CancelRequest, filed.id, {}, customer)).toMatchObject({ status: 'cancelled' });
    expect(await rpcError(fileReturn({ storeId: 'S002', orderRef: 'POS-S2' }))).toMatchObject({ kind: 'forbidden', code: 'STORE_OUT_OF_SCOPE' });
    // another store learns nothing from an action either: not the request's kind, not its status
    const repair = await call(AfterSalesRpc.FileRequest, { type: 'repair', storeId: 'S001', items: [{ sku: 'ZIP-1', name: 'Zip', quantity: 1, unitPrice: 0 }], reason: 'quality', description: 'Stuck', serviceMode: 'carry_in', warranty: 'in', customer: { name: 'Wu Fang', mobile: '13900001111' } });
    for (const [subject, target] of [[AfterSalesRpc.ApproveRequest, repair.id], [AfterSalesRpc.InspectGoods, filed.id]] as const) {
      expect(await rpcError(act(subject, target, subject === AfterSalesRpc.InspectGoods ? { result: 'pass' } : {}, otherStore))).toMatchObject({ kind: 'not_found', code: 'AFTER_SALES_REQUEST_NOT_FOUND' });
    }
  });

  it('breaches a carry-in turnaround at its exact instant, 4 working days out for 12 units, across a restart', async () => {
    clock.set(WEDNESDAY);
    const filed = await call(AfterSalesRpc.FileRequest, {
      type: 'repair',
      storeId: 'S001',
      memberId: 'm-1',
      items: [{ sku: 'ZIP-9', name: 'Jacket zip', quantity: 12, unitPrice: 0 }],
      reason: 'quality',
      description: 'Zips stuck',
      serviceMode: 'carry_in',
      warranty: 'in',
    });
    expect(filed).toMatchObject({ type: 'repair', status: 'registered', dueAt: null });
    const received = await act(AfterSalesRpc.ReceiveGoods, filed.id, {}, tech);
    const dueAt = '2026-06-09T02:00:00.000Z';
    expect(received).toMatchObject({ status: 'item_received', dueAt });

    clock.set('2026-06-09T01:59:59.999Z');
    await new Promise((r) => setTimeout(r, 400));
    expect((await view(filed.id)).breached).toBe(false);

    await service.restart();
    clock.set(dueAt);
    await eventually(async () => expect((await view(filed.id)).breached).toBe(true));
    const history = await call(AfterSalesRpc.RequestHistory, { requestId: filed.id });
    expect(history.items.filter((i: { type: string }) => i.type === 'RepairDeadlineBreached')).toEqual([
      expect.objectContaining({ at: dueAt, actor: expect.objectContaining({ id: 'system:repair-clock' }), data: expect.objectContaining({ clock: 'turnaround', dueAt }) }),
    ]);
    await eventually(async () => {
      const overdue = await call(AfterSalesRpc.ListRequests, { overdue: true });
      expect(overdue.items.map((i: { id: string }) => i.id)).toContain(filed.id);
    });
    const onTime = await call(AfterSalesRpc.ListRequests, { overdue: false, type: 'repair' });
    expect(onTime.items.map((i: { id: string }) => i.id)).not.toContain(filed.id);
  });

  it('opens exactly one linked request per compensation, whatever the redeliveries', async () => {
    const grant = { complaintId: 'c-55', solutionNo: 2, kind: 'refund', amount: 5000, memberId: 'm-1', storeId: 'S001', grantedAt: WEDNESDAY };
    const envelope = (id: string, data: object) =>
      JSON.stringify({ id, type: complaintCompensationGrantedV1.type, version: 1, source: 'complaints', occurredAt: WEDNESDAY, streamId: 'complaint-c-55', streamVersion: 7, data });
    const subject = `${iso.subjectPrefix}${complaintCompensationGrantedV1.subject}`;
    const js = jetstream(service.nc);
    await js.publish(subject, envelope('evt-1', grant), { msgID: 'evt-1' });
    await js.publish(subject, envelope('evt-1', grant), { msgID: 'evt-1-again' });
    await js.publish(subject, envelope('evt-2', grant), { msgID: 'evt-2' });
    await js.publish(subject, envelope('evt-3', { ...grant, solutionNo: 3, kind: 'gift', giftSku: 'G-1', quantity: 1 }), { msgID: 'evt-3' });

    const id = compensationRequestId('c-55', 2);
    const linked = await eventually(() => view(id));
    expect(linked).toMatchObject({ type: 'return', origin: 'complaint_compensation', linkedComplaintId: 'c-55', refundCeiling: 5000, compensation: { complaintId: 'c-55', solutionNo: 2 } });
    await new Promise((r) => setTimeout(r, 500));
    const history = await call(AfterSalesRpc.RequestHistory, { requestId: id });
    expect(history.items.map((i: { type: string }) => i.type)).toEqual(['ReturnRequested']);
    await eventually(async () => {
      const page = await call(AfterSalesRpc.ListRequests, { storeId: 'S001' });
      expect(page.items.filter((i: { linkedComplaintId: string | null }) => i.linkedComplaintId === 'c-55')).toHaveLength(1);
    });
    expect(await rpcError(view(compensationRequestId('c-55', 3)))).toMatchObject({ kind: 'not_found' });
  });

  it('exchanges at the counter in one visit, schedules the call-back and tells the others on the bus', async () => {
    clock.set(WEDNESDAY);
    const seen: Array<{ type: string; data: Record<string, unknown> }> = [];
    const sub = service.nc.subscribe(`${iso.subjectPrefix}after-sales.evt.>`, { callback: (_e, m) => void seen.push(m.json()) });
    const filed = await fileReturn({ type: 'exchange', orderRef: 'POS-X', reason: 'quality', items: [{ ...jacket, quantity: 1 }] });
    await act(AfterSalesRpc.ReceiveGoods, filed.id, { accessoriesIncluded: true, invoiceIncluded: true });
    await act(AfterSalesRpc.InspectGoods, filed.id, { result: 'pass' });
    expect(await rpcError(act(AfterSalesRpc.IssueRefund, filed.id, { amount: 100 }, manager))).toMatchObject({ kind: 'conflict', code: 'RETURN_REQUEST_INVALID_TRANSITION' });
    expect(await act(AfterSalesRpc.ShipReplacement, filed.id, { sku: 'JK-01-L' })).toMatchObject({ status: 'exchange_shipped' });
    expect(await act(AfterSalesRpc.CompleteRequest, filed.id)).toMatchObject({ status: 'callback_pending' });
    expect(await view(filed.id)).toMatchObject({ callbackDueAt: '2026-06-06T02:00:00.000Z', replacement: { sku: 'JK-01-L' } });
    await eventually(() =>
      expect(seen.filter((e) => e.data.requestId === filed.id).map((e) => e.type)).toEqual([
        'after-sales.ProductQualityReported',
        'after-sales.GoodsReturnedToStock',
        'after-sales.AfterSalesCompleted',
      ]),
    );
    expect(seen.find((e) => e.type === 'after-sales.AfterSalesCompleted' && e.data.requestId === filed.id)?.data).toMatchObject({ type: 'exchange', callbackDueAt: '2026-06-06T02:00:00.000Z' });
    expect(await act(AfterSalesRpc.CloseRequest, filed.id, { satisfaction: 5 })).toMatchObject({ status: 'closed' });
    sub.unsubscribe();
  });

  it('visits an on-site repair within 24 hours of the call, stops the clock at the visit and tells the property manager at completion', async () => {
    clock.set(WEDNESDAY);
    const filed = await call(AfterSalesRpc.FileRequest, {
      type: 'repair', storeId: 'S001', customer: { name: 'Zhao Lei', mobile: '13811112222' }, items: [{ sku: 'AC-1', name: 'Air curtain', quantity: 1, unitPrice: 0 }],
      reason: 'damaged', description: 'Motor noise', serviceMode: 'on_site', warranty: 'out', reportedBy: 'property_manager',
    });
    expect(filed).toMatchObject({ status: 'visit_scheduled', dueAt: '2026-06-04T02:00:00.000Z' });
    expect(await rpcError(act(AfterSalesRpc.ReceiveGoods, filed.id, {}, tech))).toMatchObject({ code: 'REPAIR_INVALID_TRANSITION' });
    clock.set('2026-06-03T08:00:00.000Z');
    await act(AfterSalesRpc.DiagnoseRepair, filed.id, { fault: 'Bearing worn', plan: 'Replace the bearing' }, tech);
    expect(await rpcError(act(AfterSalesRpc.StartRepair, filed.id, {}, tech))).toMatchObject({ kind: 'rule', code: 'REPAIR_QUOTE_NOT_CONFIRMED' });
    await act(AfterSalesRpc.QuoteRepair, filed.id, { amount: 8000, paymentMethod: 'in_store' }, tech);
    await act(AfterSalesRpc.AcceptQuote, filed.id, { note: 'agreed on site' }, tech);
    await act(AfterSalesRpc.StartRepair, filed.id, {}, tech);
    await act(AfterSalesRpc.RecordQc, filed.id, { passed: true }, tech);
    expect(await act(AfterSalesRpc.CompleteRequest, filed.id, {}, tech)).toMatchObject({ status: 'callback_pending' });
    clock.set('2026-06-04T02:00:00.000Z');
    await new Promise((r) => setTimeout(r, 400));
    const done = await view(filed.id);
    expect(done).toMatchObject({ breached: false, clock: { kind: 'visit', stoppedAt: '2026-06-03T08:00:00.000Z' }, customer: { mobile: '13811112222' } });
    expect((await view(filed.id, tech)).customer.mobile).toBe('138****2222');
    const completed = (await call(AfterSalesRpc.RequestHistory, { requestId: filed.id })).items.find((i: { type: string }) => i.type === 'RepairCompleted');
    expect(completed.data).toMatchObject({ reportedBy: 'property_manager', notifyReporter: true, charged: 8000 });
  });

  it('keeps the window pinned at filing when the policy changes afterwards', async () => {
    clock.set(WEDNESDAY);
    const before = await fileReturn({ orderRef: 'POS-W' });
    expect(before).toMatchObject({ windowEndsAt: WINDOW_END, policyVersion: 0 });

    const policy = await call(AfterSalesRpc.GetPolicy, {});
    const { id: _id, version: _v, ...terms } = policy;
    expect(await call(AfterSalesRpc.DefinePolicy, { ...terms, returnWindowDays: 3 }, hqManager)).toMatchObject({ version: 1, changed: true });
    expect(await rpcError(call(AfterSalesRpc.DefinePolicy, { ...terms, returnWindowDays: 3 }, manager))).toMatchObject({ kind: 'forbidden' });

    clock.set('2026-06-05T02:00:00.000Z');
    expect(await view(before.id)).toMatchObject({ windowEndsAt: WINDOW_END, policyVersion: 0 });
    expect(await act(AfterSalesRpc.ApproveRequest, before.id, {}, manager)).toMatchObject({ status: 'awaiting_goods' });
    const late = await rpcError(fileReturn({ orderRef: 'POS-W2', reason: 'quality', warranty: 'in' }));
    expect(late).toMatchObject({ kind: 'rule', code: 'RETURN_WINDOW_PASSED', details: { windowEndsAt: '2026-06-04T15:59:59.999Z', warrantyRepairOffered: true } });
    expect(await call(AfterSalesRpc.GetPolicy, { asOf: '2026-06-03T02:00:00.000Z' })).toMatchObject({ version: 0, returnWindowDays: 7 });
    expect((await call(AfterSalesRpc.PolicyHistory, {})).items).toEqual([expect.objectContaining({ version: 1, type: 'AfterSalesPolicyDefined' })]);
  });
  it("never shows another store's member through a request: naming one is refused as unknown, and a linked request at another store hides it", async () => {
    clock.set(WEDNESDAY);
    const memberId = 'm-s001-private';
    const activated = { memberId, memberNo: '000901', storeId: 'S001', name: 'Qiao Xueyin', status: 'active', tier: 'standard', activatedAt: WEDNESDAY };
    await jetstream(service.nc).publish(
      `${iso.subjectPrefix}${memberActivatedV1.subject}`,
      JSON.stringify({ id: 'evt-private-1', type: memberActivatedV1.type, version: 1, source: 'members', occurredAt: WEDNESDAY, streamId: `member-${memberId}`, streamVersion: 2, data: activated }),
    );
    // staff of S002 naming S001's member: as if it did not exist (once the directory knows the member)
    let attempt = 0;
    const refused = await eventually(async () => {
      const error = await rpcError(fileReturn({ storeId: 'S002', memberId, orderRef: `POS-PRIV-${++attempt}` }, otherStore));
      expect(error).toMatchObject({ kind: 'not_found', code: 'MEMBER_NOT_FOUND' });
      return error;
    });
    expect(JSON.stringify(refused)).not.toContain('Qiao');
    expect(await fileReturn({ memberId, orderRef: 'POS-PRIV-S001' })).toMatchObject({ status: 'requested' }); // its own store may

    // a compensation of a complaint filed at S002 by S001's member opens a request at S002
    const grant = { complaintId: 'c-priv', solutionNo: 1, kind: 'refund', amount: 3000, memberId, storeId: 'S002', grantedAt: WEDNESDAY };
    await jetstream(service.nc).publish(
      `${iso.subjectPrefix}${complaintCompensationGrantedV1.subject}`,
      JSON.stringify({ id: 'evt-priv-grant', type: complaintCompensationGrantedV1.type, version: 1, source: 'complaints', occurredAt: WEDNESDAY, streamId: 'complaint-c-priv', streamVersion: 5, data: grant }),
    );
    const id = compensationRequestId('c-priv', 1);
    const seenByS002 = await eventually(() => view(id, otherStore));
    expect(seenByS002).toMatchObject({ memberId: null, member: null });
    expect(JSON.stringify(seenByS002)).not.toMatch(/Qiao|000901|m-s001-private/);
    expect(await view(id, hqManager)).toMatchObject({ memberId, member: { name: 'Qiao Xueyin', memberNo: '000901' } });
  });
});
