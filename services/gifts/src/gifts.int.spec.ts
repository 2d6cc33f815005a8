import 'reflect-metadata';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import {
  complaintCompensationGrantedV1,
  giftRedemptionIssuedV1,
  giftRedemptionRefusedV1,
  GiftsRpc,
  giftStockLowV1,
  issueRedemptionGiftV1,
  type IntegrationEnvelope,
} from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import type { RpcError } from '@cs/messaging';
import { eventually, testService } from '@cs/testing';
import { configFromEnv, createService } from './main.js';

const manager: Actor = { id: 'mgr-1', role: 'hq_cs_manager' };
const gm: Actor = { id: 'gm-1', role: 'general_manager' };
const warehouse: Actor = { id: 'wh-1', role: 'warehouse' };
const storeManager: Actor = { id: 'sm-1', role: 'store_manager', storeId: 'S001' };
const staff1: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const staff2: Actor = { id: 'staff-2', role: 'store_staff', storeId: 'S002' };

describe('gifts service (ledger, workflows, timers, consumers)', () => {
  const svc = testService({ service: 'gifts', config: () => configFromEnv({}), start: (o) => createService(o), now: '2026-03-02T02:00:00.000Z', upstream: ['complaints'] });
  const { iso, clock } = svc;
  let js: JetStreamClient;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor = manager) => svc.call<T>(subject, payload, { actor });
  const failure = (p: Promise<unknown>) => p.then(() => null, (e: RpcError) => e);
  const stock = async (locationId: string, sku: string) => {
    const page = await call(GiftsRpc.ListGiftStock, { locationId, sku }, manager);
    return page.items[0] as { onHand: number; reserved: number; available: number; inTransit: number } | undefined;
  };
  const publish = (subject: string, type: string, data: object, id: string) => {
    const envelope: IntegrationEnvelope = { id, type, version: 1, source: 'test', occurredAt: clock.now().toISOString(), streamId: 's', streamVersion: 1, data: data as Record<string, unknown> };
    return js.publish(`${iso.subjectPrefix}${subject}`, new TextEncoder().encode(JSON.stringify(envelope)), { msgID: id });
  };

  /** A SKU with `hq` units received at HQ through an approved plan. */
  async function stockedSku(sku: string, hq: number, extra: Record<string, unknown> = {}) {
    await call(GiftsRpc.DefineGift, { sku, name: `Gift ${sku}`, spec: 'std', unit: 'piece', unitCost: 2000, minStock: { hq: 2, store: 1 }, pointsPrice: 500, ...extra });
    const plan = await call(GiftsRpc.CreateProcurementPlan, { period: '2026-03', lines: [{ sku, quantity: hq }] });
    await call(GiftsRpc.SubmitProcurementPlan, { planId: plan.id });
    await call(GiftsRpc.ApproveProcurementPlan, { planId: plan.id }, gm);
    await call(GiftsRpc.ReceiveProcurementPlan, { planId: plan.id, lines: [{ sku, quantity: hq }] }, warehouse);
  }

  /** Ships `quantity` of `sku` from HQ to `storeId` through a request, approved and dispatched. */
  async function dispatched(sku: string, storeId: string, quantity: number, requester: Actor = storeManager) {
    const request = await call(GiftsRpc.CreateGiftRequest, { storeId, purpose: 'birthday', lines: [{ sku, quantity }] }, requester);
    await call(GiftsRpc.SubmitGiftRequest, { requestId: request.id }, requester);
    await call(GiftsRpc.ApproveGiftRequest, { requestId: request.id, lines: [{ sku, quantity }] });
    const expectedArrival = new Date(clock.now().getTime() + 2 * 86_400_000).toISOString();
    await call(GiftsRpc.DispatchGiftRequest, { requestId: request.id, expectedArrival, waybillNo: 'SF-1' }, warehouse);
    return request.id as string;
  }

  beforeAll(async () => {
    await svc.start();
    js = jetstream(svc.nc);
  });
  afterAll(() => svc.stop());

  it('answers gifts.rpc.Ping and its probes', async () => {
    await expect(svc.call('gifts.rpc.Ping', {})).resolves.toEqual({ service: 'gifts', ok: true });
    expect((await svc.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ready = await svc.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect((await svc.app.inject({ method: 'GET', url: '/metrics' })).body).toContain('cs_processor_lag_events');
  });

  it('never lets stock go negative when the last units are issued concurrently', async () => {
    await stockedSku('INT-LAST', 10);
    const requestId = await dispatched('INT-LAST', 'S001', 3);
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-LAST', received: 3, damaged: 0 }] }, storeManager);

    const attempts = Array.from({ length: 8 }, (_, i) =>
      failure(call(GiftsRpc.IssueGift, { locationId: 'S001', sku: 'INT-LAST', quantity: 1, memberId: `m-${i}`, reason: 'other' }, staff1)),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((e) => e === null)).toHaveLength(3);
    for (const e of outcomes.filter((o) => o !== null)) expect([(e as RpcError).code, (e as RpcError).kind]).toEqual(['STOCK_INSUFFICIENT', 'rule']);
    await eventually(async () => expect(await stock('S001', 'INT-LAST')).toMatchObject({ onHand: 0, available: 0 }));
    const register = await call(GiftsRpc.ListIssuances, { locationId: 'S001' }, staff1);
    expect(register.items.filter((i: { sku: string }) => i.sku === 'INT-LAST')).toHaveLength(3);
  });

  it('answers a retried issuance with the first result, without issuing twice', async () => {
    await stockedSku('INT-RETRY', 5);
    const requestId = await dispatched('INT-RETRY', 'S001', 2);
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-RETRY', received: 2, damaged: 0 }] }, storeManager);
    const body = { locationId: 'S001', sku: 'INT-RETRY', quantity: 1, customer: { name: 'Wang Fang', mobile: '13912345678' }, reason: 'purchase_promotion', causeRef: 'POS-1' };
    const first = await svc.call(GiftsRpc.IssueGift, body, { actor: staff1, idempotencyKey: 'till-7-0001' });
    const again = await svc.call(GiftsRpc.IssueGift, body, { actor: staff1, idempotencyKey: 'till-7-0001' });
    expect(again).toMatchObject({ id: first.id, version: first.version, replayed: true });
    await eventually(async () => expect(await stock('S001', 'INT-RETRY')).toMatchObject({ onHand: 1 }));
    const register = await call(GiftsRpc.ListIssuances, { locationId: 'S001', reason: 'purchase_promotion' }, staff1);
    expect(register.items.find((i: { issuanceId: string }) => i.issuanceId === first.id).customer).toEqual({ name: 'W*', mobile: '139****5678' });
  });

  it('lets only one of two stores reserve the last warehouse units approved at the same instant', async () => {
    await stockedSku('INT-RACE', 5);
    const requestFor = async (storeId: string, requester: Actor) => {
      const r = await call(GiftsRpc.CreateGiftRequest, { storeId, purpose: 'promotion', lines: [{ sku: 'INT-RACE', quantity: 4 }] }, requester);
      await call(GiftsRpc.SubmitGiftRequest, { requestId: r.id }, requester);
      return r.id as string;
    };
    const [a, b] = [await requestFor('S001', staff1), await requestFor('S002', staff2)];
    const outcomes = await Promise.all([a, b].map((id) => failure(call(GiftsRpc.ApproveGiftRequest, { requestId: id, lines: [{ sku: 'INT-RACE', quantity: 4 }] }))));
    expect(outcomes.filter((e) => e === null)).toHaveLength(1);
    expect(['GIFT_REQUEST_APPROVAL_EXCEEDS_STOCK', 'STOCK_INSUFFICIENT']).toContain(outcomes.find((e) => e !== null)!.code);
    await eventually(async () => expect(await stock('HQ', 'INT-RACE')).toMatchObject({ onHand: 5, reserved: 4, available: 1 }));
  });

  it('keeps in-transit quantities consistent between the warehouse and the store through dispatch and receipt', async () => {
    await stockedSku('INT-TRANSIT', 20);
    const requestId = await dispatched('INT-TRANSIT', 'S001', 6);
    await eventually(async () => {
      expect(await stock('HQ', 'INT-TRANSIT')).toMatchObject({ onHand: 14, reserved: 0, available: 14, inTransit: 0 });
      expect(await stock('S001', 'INT-TRANSIT')).toMatchObject({ onHand: 0, inTransit: 6 });
    });
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-TRANSIT', received: 5, damaged: 1 }] }, storeManager);
    await eventually(async () => expect(await stock('S001', 'INT-TRANSIT')).toMatchObject({ onHand: 4, inTransit: 0 }));
    const request = await call(GiftsRpc.GetGiftRequest, { requestId }, storeManager);
    expect(request.status).toBe('received_with_discrepancy');
    const other = await failure(call(GiftsRpc.GetGiftRequest, { requestId }, staff2));
    expect(other?.code).toBe('GIFT_REQUEST_NOT_FOUND');
  });

  it('pushes a new-store kit without a request, from unreserved warehouse stock only', async () => {
    await stockedSku('INT-KIT', 10);
    const blocker = await call(GiftsRpc.CreateGiftRequest, { storeId: 'S002', purpose: 'promotion', lines: [{ sku: 'INT-KIT', quantity: 7 }] }, staff2);
    await call(GiftsRpc.SubmitGiftRequest, { requestId: blocker.id }, staff2);
    await call(GiftsRpc.ApproveGiftRequest, { requestId: blocker.id, lines: [{ sku: 'INT-KIT', quantity: 7 }] });
    const expectedArrival = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const tooBig = await failure(call(GiftsRpc.DispatchNewStoreKit, { storeId: 'S005', lines: [{ sku: 'INT-KIT', quantity: 4 }], expectedArrival }, warehouse));
    expect(tooBig?.code).toBe('STOCK_INSUFFICIENT');
    const kit = await call(GiftsRpc.DispatchNewStoreKit, { storeId: 'S005', lines: [{ sku: 'INT-KIT', quantity: 3 }], expectedArrival }, warehouse);
    expect(kit).toMatchObject({ status: 'dispatched' });
    await eventually(async () => {
      expect(await stock('HQ', 'INT-KIT')).toMatchObject({ onHand: 7, reserved: 7, available: 0 });
      expect(await stock('S005', 'INT-KIT')).toMatchObject({ onHand: 0, inTransit: 3 });
    });
    const opener: Actor = { id: 'sm-5', role: 'store_manager', storeId: 'S005' };
    await call(GiftsRpc.ReceiveGiftRequest, { requestId: kit.id, lines: [{ sku: 'INT-KIT', received: 3, damaged: 0 }] }, opener);
    await eventually(async () => expect(await stock('S005', 'INT-KIT')).toMatchObject({ onHand: 3, inTransit: 0 }));
  });

  it('expires an unredeemed entitlement at the end of its validity, from the durable schedule', async () => {
    const validUntil = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const card = await call(GiftsRpc.IssueEntitlement, { kind: 'gift_card', memberId: 'm-card', validUntil });
    expect(card.code).toMatch(/^GC-[A-Z2-9]{10}$/);
    clock.set(validUntil);
    await eventually(async () => expect(await call(GiftsRpc.GetEntitlement, { entitlementId: card.code })).toMatchObject({ status: 'expired' }));
    const history = await call(GiftsRpc.EntitlementHistory, { entitlementId: card.code });
    expect(history.items.map((i: { type: string; at: string }) => [i.type, i.at])).toEqual([
      ['EntitlementIssued', expect.any(String)],
      ['EntitlementExpired', validUntil],
    ]);
  });

  it('marks a dispatch overdue at expected arrival plus the grace, from the durable schedule', async () => {
    await stockedSku('INT-LATE', 5);
    const requestId = await dispatched('INT-LATE', 'S002', 2, staff2);
    const { expectedArrival, overdueAt } = await call(GiftsRpc.GetGiftRequest, { requestId });
    expect(Date.parse(overdueAt) - Date.parse(expectedArrival)).toBe(2 * 86_400_000);
    clock.set(new Date(Date.parse(overdueAt) - 1000));
    await new Promise((r) => setTimeout(r, 400));
    expect((await call(GiftsRpc.GetGiftRequest, { requestId })).status).toBe('dispatched');
    clock.set(overdueAt);
    await eventually(async () => expect((await call(GiftsRpc.GetGiftRequest, { requestId })).status).toBe('arrival_overdue'));
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-LATE', received: 2, damaged: 0 }] }, staff2);
    expect((await call(GiftsRpc.GetGiftRequest, { requestId })).status).toBe('received');
  });

  it('reports movements during a count apart and adjusts the live ledger by the approved variance', async () => {
    await stockedSku('INT-COUNT', 10);
    const requestId = await dispatched('INT-COUNT', 'S001', 5);
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-COUNT', received: 5, damaged: 0 }] }, storeManager);
    await eventually(async () => expect(await stock('S001', 'INT-COUNT')).toMatchObject({ onHand: 5 }));

    const started = await call(GiftsRpc.StartStocktake, { locationId: 'S001' }, staff1);
    // a gift handed out while the shelves are being counted
    await call(GiftsRpc.IssueGift, { locationId: 'S001', sku: 'INT-COUNT', quantity: 1, memberId: 'm-during', reason: 'other' }, staff1);
    const view = await call(GiftsRpc.GetStocktake, { stocktakeId: started.id }, staff1);
    const counts = view.pinned.map((p: { sku: string; bookQty: number }) => ({ sku: p.sku, counted: p.bookQty }));
    const lines = counts.map((c: { sku: string; counted: number }) => (c.sku === 'INT-COUNT' ? { sku: 'INT-COUNT', counted: 4, reason: 'damaged' } : c));
    await call(GiftsRpc.RecordStocktakeCounts, { stocktakeId: started.id, lines }, staff1);
    await call(GiftsRpc.SubmitStocktake, { stocktakeId: started.id }, staff1);
    const submitted = await call(GiftsRpc.GetStocktake, { stocktakeId: started.id }, staff1);
    expect(submitted.variances.find((l: { sku: string }) => l.sku === 'INT-COUNT')).toMatchObject({ bookQty: 5, counted: 4, variance: -1, movementsDuringCount: -1 });
    await call(GiftsRpc.ApproveStocktake, { stocktakeId: started.id }, storeManager);
    await eventually(async () => expect(await stock('S001', 'INT-COUNT')).toMatchObject({ onHand: 3 }));
    await eventually(async () => {
      const summary = await call(GiftsRpc.StocktakeSummary, { period: '2026-03' });
      expect(summary.stores.find((s: { storeId: string }) => s.storeId === 'S001')).toMatchObject({ varianceQty: -1, varianceValue: -2000 });
    });
  });

  it('creates exactly one entitlement per voucher compensation and one instruction per gift compensation, under redelivery', async () => {
    await stockedSku('INT-COMP', 10);
    const requestId = await dispatched('INT-COMP', 'S001', 2);
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-COMP', received: 2, damaged: 0 }] }, storeManager);
    const grant = (kind: string, solutionNo: number) => ({
      complaintId: 'c-int-1',
      solutionNo,
      kind,
      giftSku: 'INT-COMP',
      quantity: 1,
      memberId: 'm-comp',
      storeId: 'S001',
      grantedAt: '2026-03-02T01:00:00.000Z',
    });
    const subject = complaintCompensationGrantedV1.subject;
    // the same grant twice under different message ids: what a redelivery past the dedupe window looks like
    for (const id of ['evt-v-1', 'evt-v-2']) await publish(subject, complaintCompensationGrantedV1.type, grant('voucher', 1), id);
    for (const id of ['evt-g-1', 'evt-g-2']) await publish(subject, complaintCompensationGrantedV1.type, grant('gift', 2), id);
    await eventually(async () => {
      const list = await call(GiftsRpc.ListEntitlements, { memberId: 'm-comp' });
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ kind: 'voucher', source: 'complaint_compensation', status: 'issued' });
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await call(GiftsRpc.ListEntitlements, { memberId: 'm-comp' })).items).toHaveLength(1);

    const issue = () => call(GiftsRpc.IssueGift, { locationId: 'S001', sku: 'INT-COMP', quantity: 1, memberId: 'm-comp', reason: 'complaint_compensation', causeRef: 'c-int-1' }, staff1);
    await eventually(async () => expect(await issue()).toMatchObject({ status: 'issued' }));
    expect((await failure(issue()))?.code).toBe('COMPENSATION_NOT_GRANTED');
  });

  it('answers a points redemption exactly once: issued from stock, or refused when there is none', async () => {
    await stockedSku('INT-PTS', 4);
    const requestId = await dispatched('INT-PTS', 'S001', 1);
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-PTS', received: 1, damaged: 0 }] }, storeManager);
    const redeem = (redemptionId: string) => ({ redemptionId, memberId: 'm-pts', storeId: 'S001', giftSku: 'INT-PTS', quantity: 1, pointsCost: 500, requestedAt: '2026-03-02T02:00:00.000Z' });
    await publish(issueRedemptionGiftV1.subject, issueRedemptionGiftV1.type, redeem('r-1'), 'cmd-1');
    await publish(issueRedemptionGiftV1.subject, issueRedemptionGiftV1.type, redeem('r-1'), 'cmd-1b');
    await publish(issueRedemptionGiftV1.subject, issueRedemptionGiftV1.type, redeem('r-2'), 'cmd-2');
    await eventually(async () => {
      expect(await call(GiftsRpc.GetIssuance, { issuanceId: 'redemption-r-1' })).toMatchObject({ status: 'issued', reason: 'points_redemption' });
      expect(await call(GiftsRpc.GetIssuance, { issuanceId: 'redemption-r-2' })).toMatchObject({ status: 'refused', refusal: 'out_of_stock' });
    });
    await eventually(async () => expect(await stock('S001', 'INT-PTS')).toMatchObject({ onHand: 0 }));
    // the answers members acts on, as published contracts
    const jsm = await jetstreamManager(svc.nc);
    const lastOn = async (subject: string) => {
      const msg = await jsm.streams.getMessage(`${iso.streamPrefix}GIFTS_EVT`, { last_by_subj: `${iso.subjectPrefix}${subject}` });
      return (msg ? JSON.parse(new TextDecoder().decode(msg.data)) : null) as IntegrationEnvelope;
    };
    await eventually(async () => {
      expect((await lastOn(giftRedemptionIssuedV1.subject)).data).toMatchObject({ redemptionId: 'r-1', issuanceId: 'redemption-r-1', memberId: 'm-pts', storeId: 'S001' });
      expect((await lastOn(giftRedemptionRefusedV1.subject)).data).toMatchObject({ redemptionId: 'r-2', reason: 'out_of_stock' });
      expect((await lastOn(giftStockLowV1.subject)).data).toMatchObject({ locationId: 'S001', giftSku: 'INT-PTS', available: 0, minimum: 1 });
    });
  });

  it('gives one birthday gift per member per year, redeems an entitlement once, and puts stock back on reversal', async () => {
    await stockedSku('INT-BDAY', 10);
    const requestId = await dispatched('INT-BDAY', 'S001', 4);
    await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-BDAY', received: 4, damaged: 0 }] }, storeManager);
    const birthday = () => call(GiftsRpc.IssueGift, { locationId: 'S001', sku: 'INT-BDAY', quantity: 1, memberId: 'm-bday', reason: 'birthday' }, staff1);
    const first = await birthday();
    expect((await failure(birthday()))?.code).toBe('BIRTHDAY_GIFT_ALREADY_ISSUED');
    await call(GiftsRpc.ReverseIssuance, { issuanceId: first.id, reason: 'Defective, exchanged' }, staff1);
    await eventually(async () => expect(await stock('S001', 'INT-BDAY')).toMatchObject({ onHand: 4 }));
    await birthday();

    const voucher = await call(GiftsRpc.IssueEntitlement, { kind: 'voucher', memberId: 'm-rank', giftSku: 'INT-BDAY' });
    const redeem = () =>
      call(GiftsRpc.IssueGift, { locationId: 'S001', sku: 'INT-BDAY', quantity: 1, memberId: 'm-rank', reason: 'ranking_voucher', entitlementCode: voucher.code }, staff1);
    await redeem();
    expect((await failure(redeem()))?.code).toBe('ENTITLEMENT_INVALID_TRANSITION');
    expect(await call(GiftsRpc.GetEntitlement, { entitlementId: voucher.code })).toMatchObject({ status: 'redeemed', redeemedStoreId: 'S001' });
    await eventually(async () => expect(await stock('S001', 'INT-BDAY')).toMatchObject({ onHand: 2 }));
    expect((await failure(call(GiftsRpc.IssueGift, { locationId: 'S002', sku: 'INT-BDAY', quantity: 1, memberId: 'm-x', reason: 'other' }, staff1)))?.code).toBe('LOCATION_FORBIDDEN');
  });

  it('escalates a warehouse count with suspected theft to the CS manager, who orders a recount', async () => {
    await stockedSku('INT-HQCOUNT', 50);
    const started = await call(GiftsRpc.StartStocktake, { locationId: 'HQ' }, warehouse);
    const pinned: Array<{ sku: string; bookQty: number }> = (await call(GiftsRpc.GetStocktake, { stocktakeId: started.id }, warehouse)).pinned;
    const count = (sku: string, counted: number, reason?: string) => ({ sku, counted, ...(reason ? { reason } : {}) });
    const exact = pinned.filter((p) => p.sku !== 'INT-HQCOUNT').map((p) => count(p.sku, p.bookQty));
    await call(GiftsRpc.RecordStocktakeCounts, { stocktakeId: started.id, lines: [...exact, count('INT-HQCOUNT', 49, 'theft_suspected')] }, warehouse);
    expect(await call(GiftsRpc.SubmitStocktake, { stocktakeId: started.id }, warehouse)).toMatchObject({ status: 'escalated' });
    expect((await failure(call(GiftsRpc.ApproveStocktake, { stocktakeId: started.id }, warehouse)))?.code).toBe('STOCKTAKE_ESCALATION_NEEDS_CS_MANAGER');
    expect(await call(GiftsRpc.OrderRecount, { stocktakeId: started.id, reason: 'Count the cage again' })).toMatchObject({ status: 'counting' });
    await call(GiftsRpc.RecordStocktakeCounts, { stocktakeId: started.id, lines: [...exact, count('INT-HQCOUNT', 50)] }, warehouse);
    expect(await call(GiftsRpc.SubmitStocktake, { stocktakeId: started.id }, warehouse)).toMatchObject({ status: 'confirmed' });
    const history = await call(GiftsRpc.StocktakeHistory, { stocktakeId: started.id }, warehouse);
    expect(history.items.filter((i: { type: string }) => i.type === 'StocktakeCounted').map((i: { data: { round: number } }) => i.data.round)).toEqual([1, 2]);
    await eventually(async () => expect(await stock('HQ', 'INT-HQCOUNT')).toMatchObject({ onHand: 50 }));
  });

  it('puts a store with variances two periods running on the watch list', async () => {
    await stockedSku('INT-WATCH', 20);
    const countWithLoss = async () => {
      const requestId = await dispatched('INT-WATCH', 'S002', 2, staff2);
      await call(GiftsRpc.ReceiveGiftRequest, { requestId, lines: [{ sku: 'INT-WATCH', received: 2, damaged: 0 }] }, staff2);
      const started = await call(GiftsRpc.StartStocktake, { locationId: 'S002' }, staff2);
      const pinned: Array<{ sku: string; bookQty: number }> = (await call(GiftsRpc.GetStocktake, { stocktakeId: started.id }, staff2)).pinned;
      const lines = pinned.map((p) => (p.sku === 'INT-WATCH' ? { sku: p.sku, counted: p.bookQty - 1, reason: 'lost' } : { sku: p.sku, counted: p.bookQty }));
      await call(GiftsRpc.RecordStocktakeCounts, { stocktakeId: started.id, lines }, staff2);
      await call(GiftsRpc.SubmitStocktake, { stocktakeId: started.id }, staff2);
      await call(GiftsRpc.ApproveStocktake, { stocktakeId: started.id });
    };
    clock.set('2026-03-20T02:00:00.000Z');
    await countWithLoss();
    clock.set('2026-04-20T02:00:00.000Z');
    await countWithLoss();
    await eventually(async () => {
      const watch = await call(GiftsRpc.StocktakeWatchList, { period: '2026-04' });
      expect(watch.items).toEqual([expect.objectContaining({ storeId: 'S002', varianceQty: -1, previousVarianceQty: -1 })]);
    });
  });
});
