import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { MembersLoyaltyRpc, MembersRpc } from '@cs/contracts';
import { TestClock, type Actor } from '@cs/eventstore';
import { ensureEventStream, RpcClient, RpcError, RpcServer } from '@cs/messaging';
import { deleteStreams, dropDatabase, eventually, isolatedServiceConfig } from '@cs/testing';
import { membersConfigFromEnv } from './config/members.config.js';
import { createMembersService } from './main.js';

const staff: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const pos: Actor = { id: 'pos-1', role: 'pos_adapter' };
const manager: Actor = { id: 'mgr-1', role: 'hq_cs_manager' };
const DAY = 86_400_000;

describe('members loyalty (RPC and bus, real Postgres and NATS)', () => {
  const iso = isolatedServiceConfig('members');
  const config = { ...membersConfigFromEnv({}), ...iso };
  const clock = new TestClock('2026-05-11T02:00:00.000Z');
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let rpc: RpcClient;
  let db: pg.Pool;
  let giftsRpc: RpcServer;
  const giftAnswers = new Map<string, 'issue' | 'refuse' | 'silent'>();
  let stopGiftsStub: () => void = () => undefined;
  let mobile = 13_800_000_000;

  const call = <T = any>(subject: string, payload: unknown, actor: Actor, extra: { idempotencyKey?: string } = {}) =>
    rpc.call<T>(subject, payload, { actor, ...extra });
  const rejection = (p: Promise<unknown>) => p.then(() => null, (e) => e as RpcError);
  const start = async () => {
    app = await createMembersService({ config, clock, logging: false });
  };
  const publish = (subject: string, type: string, data: object, id: string) =>
    js.publish(`${iso.subjectPrefix}${subject}`, JSON.stringify({ id, type, version: 1, source: 'test', occurredAt: clock.now().toISOString(), streamId: id, streamVersion: 1, data }), {
      msgID: id,
    });

  async function newMember(): Promise<string> {
    const { id } = await call(MembersRpc.SubmitApplication, { storeId: 'S001', name: 'Li Lei', mobile: String(++mobile) }, staff);
    await eventually(() => call(MembersLoyaltyRpc.GetPoints, { memberId: id }, staff));
    return id;
  }
  const points = (memberId: string, asOf?: string) => call(MembersLoyaltyRpc.GetPoints, { memberId, ...(asOf ? { asOf } : {}) }, staff);
  const buy = (memberId: string, receiptNo: string, amount: number) =>
    call(MembersLoyaltyRpc.RecordPurchase, { memberId, receiptNo, storeId: 'S001', amount, purchasedAt: clock.now().toISOString(), lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: amount }] }, pos);
  const eventsOf = async (streamId: string, type: string) =>
    (await db.query('select data from es_events where stream_id = $1 and event_type = $2 order by stream_version', [streamId, type])).rows.map((r) => r.data);

  beforeAll(async () => {
    await start();
    nc = await connect({ servers: iso.natsUrl });
    js = jetstream(nc);
    rpc = new RpcClient(nc, { subjectPrefix: iso.subjectPrefix });
    db = new pg.Pool({ connectionString: iso.databaseUrl, max: 2 });
    // the forced drop at the end may reach an idle client first
    db.on('error', () => undefined);
    const jsm = await (await import('@nats-io/jetstream')).jetstreamManager(nc);
    for (const producer of ['SALES', 'AFTER_SALES', 'GIFTS', 'COMPLAINTS']) {
      const subject = producer.toLowerCase().replace('_', '-');
      await ensureEventStream(jsm, { name: `${iso.streamPrefix}${producer}_EVT`, subjects: [`${iso.subjectPrefix}${subject}.evt.>`] });
    }
    // gifts, stubbed: the catalogue price and the answer to IssueRedemptionGift, on the bus
    giftsRpc = new RpcServer(nc, { subjectPrefix: iso.subjectPrefix, queue: 'gifts-stub' });
    giftsRpc.handle('gifts.rpc.GetGift', async (p) => ({ giftSku: (p as { giftSku: string }).giftSku, pointsPrice: 40, active: true }));
    const commands = await (await js.consumers.get(`${iso.streamPrefix}GIFTS_CMD`)).consume();
    stopGiftsStub = () => void commands.stop();
    void (async () => {
      for await (const m of commands) {
        const { id, data } = m.json<{ id: string; data: { redemptionId: string; giftSku: string } }>();
        const answer = giftAnswers.get(data.giftSku) ?? 'issue';
        if (answer === 'issue') await publish('gifts.evt.GiftRedemptionIssued.v1', 'gifts.GiftRedemptionIssued', { ...data, issuanceId: `iss-${id}`, issuedAt: clock.now().toISOString() }, `ans-${id}`);
        if (answer === 'refuse') await publish('gifts.evt.GiftRedemptionRefused.v1', 'gifts.GiftRedemptionRefused', { ...data, reason: 'out_of_stock', refusedAt: clock.now().toISOString() }, `ans-${id}`);
      }
    })();
  });

  afterAll(async () => {
    stopGiftsStub();
    await giftsRpc?.close();
    await app?.close();
    await db?.end();
    await nc?.drain();
    await dropDatabase(iso.databaseUrl);
    await deleteStreams(iso.streamPrefix);
  });

  it('keeps the loyalty rules as events: defaults as revision 0, a change as revision 1, readable as of before it', async () => {
    const before = await call(MembersLoyaltyRpc.GetLoyaltyConfig, {}, manager);
    expect(before).toMatchObject({ version: 0, vestingDays: 7, rankingSize: 10 });
    const forbidden = await rejection(call(MembersLoyaltyRpc.SetLoyaltyConfig, { ...strip(before), rankingSize: 5 }, staff));
    expect(forbidden).toMatchObject({ kind: 'forbidden', code: 'LOYALTY_CONFIG_FORBIDDEN' });
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    expect(await call(MembersLoyaltyRpc.SetLoyaltyConfig, { ...strip(before), rankingSize: 5, note: 'top 5' }, manager)).toMatchObject({ version: 1, changed: true });
    expect(await call(MembersLoyaltyRpc.GetLoyaltyConfig, {}, manager)).toMatchObject({ version: 1, rankingSize: 5 });
    expect(await call(MembersLoyaltyRpc.GetLoyaltyConfig, { asOf: between }, manager)).toMatchObject({ version: 0, rankingSize: 10 });
    const invalid = await rejection(call(MembersLoyaltyRpc.SetLoyaltyConfig, { ...strip(before), atRiskAfterDays: 200, churnedAfterDays: 100 }, manager));
    expect(invalid).toMatchObject({ kind: 'rule', code: 'INVALID_LOYALTY_PERIOD' });
  });

  it('counts a purchase event delivered three times once', async () => {
    const memberId = await newMember();
    const sale = { receiptNo: 'POS-BUS-1', storeId: 'S001', channel: 'store', memberId, amount: 30_000, lines: [{ sku: 'A', quantity: 3, unitPrice: 10_000 }], occurredAt: clock.now().toISOString() };
    await publish('sales.evt.TransactionRecorded.v1', 'sales.TransactionRecorded', sale, 'sale-1');
    await publish('sales.evt.TransactionRecorded.v1', 'sales.TransactionRecorded', sale, 'sale-1');
    await publish('sales.evt.TransactionRecorded.v1', 'sales.TransactionRecorded', sale, 'sale-1-resent');
    await eventually(async () => expect(await points(memberId)).toMatchObject({ pending: 300, netSpend12m: 30_000 }));
    await new Promise((r) => setTimeout(r, 300));
    const view = await points(memberId);
    expect(view.lots).toHaveLength(1);
    expect(view).toMatchObject({ pending: 300, netSpend12m: 30_000 });
    expect(await eventsOf(`loyalty-account-${memberId}`, 'PurchaseRecorded')).toHaveLength(1);
    expect((await db.query('select count(*)::int as n from sales_fact_v1 where receipt_no = $1', ['POS-BUS-1'])).rows[0].n).toBe(1);
    // the same receipt for another member is refused
    const other = await newMember();
    expect(await rejection(buy(other, 'POS-BUS-1', 30_000))).toMatchObject({ kind: 'conflict', code: 'RECEIPT_OF_ANOTHER_MEMBER' });
  });

  it('parks a refund that arrives before its purchase and applies it when the purchase is recorded', async () => {
    const memberId = await newMember();
    await publish('after-sales.evt.AfterSalesRefundIssued.v1', 'after-sales.AfterSalesRefundIssued', { requestId: 'AS-EARLY', refundNo: 1, storeId: 'S001', memberId, orderRef: 'POS-EARLY-1', amount: 4_000, refundedTotal: 4_000, paidForReturnedLines: 4_000, lines: [], issuedAt: clock.now().toISOString() }, 'refund-early');
    await eventually(async () => {
      const { rows } = await db.query('select refund_id, amount from loyalty_parked_refund where receipt_no = $1', ['POS-EARLY-1']);
      expect(rows).toEqual([{ refund_id: 'AS-EARLY#1', amount: '4000' }]);
    });
    await buy(memberId, 'POS-EARLY-1', 10_000);
    await eventually(async () => expect(await points(memberId)).toMatchObject({ pending: 60, available: 0 }));
    expect(await eventsOf(`loyalty-account-${memberId}`, 'RefundRecorded')).toEqual([expect.objectContaining({ refundId: 'AS-EARLY#1', amount: 4_000, refundedTotal: 4_000 })]);
    expect((await db.query('select count(*)::int as n from loyalty_parked_refund')).rows[0].n).toBe(0);
    expect((await db.query("select count(*)::int as n from es_dead_letters where consumer_id = 'members__after-sales-refunds'")).rows[0].n).toBe(0);
  });

  it('raises the tier at once, lowers it only at the monthly run, with the reasons in the tier history', async () => {
    const memberId = await newMember();
    expect(await buy(memberId, 'POS-TIER-1', 250_000)).toMatchObject({ tier: 'silver', pointsEarned: 2_500 });
    await publish('after-sales.evt.AfterSalesRefundIssued.v1', 'after-sales.AfterSalesRefundIssued', { requestId: 'AS-T1', refundNo: 1, storeId: 'S001', orderRef: 'POS-TIER-1', amount: 100_000, refundedTotal: 100_000, paidForReturnedLines: 100_000, lines: [], issuedAt: clock.now().toISOString() }, 'refund-t1');
    await eventually(async () => expect(await points(memberId)).toMatchObject({ netSpend12m: 150_000, pending: 1_500 }));
    expect((await points(memberId)).tier).toBe('silver');
    expect(await call(MembersRpc.GetMember, { memberId }, staff)).toMatchObject({ tier: 'silver', expiresOn: '2028-05-11', loyaltyStatus: 'active' });
    await eventually(async () => expect((await call(MembersRpc.ListMembers, { tier: 'silver' }, manager)).items.map((m: { id: string }) => m.id)).toContain(memberId));
    clock.set('2026-05-31T16:00:00.000Z'); // 1 June, local midnight: the monthly run
    await eventually(async () => expect((await points(memberId)).tier).toBe('standard'), 20_000);
    const history = await call(MembersLoyaltyRpc.TierHistory, { memberId }, staff);
    expect(history.items.map((i: { to: string; reason: string }) => `${i.reason}:${i.to}`)).toEqual(['joined:standard', 'purchase:silver', 'monthly_review:standard']);
    expect(history.items[2]).toMatchObject({ direction: 'down', netSpend12m: 150_000, at: '2026-05-31T16:00:00.000Z' });
    const ranking = await eventually(() => call(MembersLoyaltyRpc.Rankings, { month: '2026-05', storeId: 'S001' }, manager));
    expect(ranking.rankingSize).toBe(5);
    expect(ranking.items[0].ranked[0]).toMatchObject({ rank: 1, memberId, netSpend: 150_000 });
    // and on the bus for gifts (thank-you letter and voucher), one message per store
    const published = await eventually(async () => {
      const msg = await (await js.streams.get(`${iso.streamPrefix}MEMBERS_EVT`)).getMessage({ last_by_subj: `${iso.subjectPrefix}members.evt.MonthlyRankingPublished.v1` });
      return msg!.json<{ data: { month: string; storeId: string; ranked: Array<{ memberId: string }> } }>().data;
    });
    expect(published).toMatchObject({ month: '2026-05', storeId: 'S001', dueBy: '2026-06-04T16:00:00.000Z' });
    expect(published.ranked[0].memberId).toBe(memberId);
  });

  it('takes back the points of a refund after they were spent on a gift, carrying the rest as debt', async () => {
    clock.set('2026-06-02T02:00:00.000Z');
    const memberId = await newMember();
    await buy(memberId, 'POS-SPENT-1', 10_000);
    clock.advance(8 * DAY);
    await eventually(async () => expect(await points(memberId)).toMatchObject({ available: 100, pending: 0 }));
    const redeemed = await call(MembersLoyaltyRpc.RequestRedemption, { memberId, giftSku: 'GIFT-MUG', quantity: 2, storeId: 'S001' }, staff);
    expect(redeemed).toMatchObject({ points: 80, status: 'points_held' });
    await eventually(async () => expect(await call(MembersLoyaltyRpc.GetRedemption, { redemptionId: redeemed.id }, staff)).toMatchObject({ status: 'confirmed' }));
    expect(await points(memberId)).toMatchObject({ available: 20, held: 0 });
    const short = await rejection(call(MembersLoyaltyRpc.RequestRedemption, { memberId, giftSku: 'GIFT-MUG', quantity: 1, storeId: 'S001' }, staff));
    expect(short).toMatchObject({ kind: 'rule', code: 'INSUFFICIENT_POINTS' });

    await publish('after-sales.evt.AfterSalesRefundIssued.v1', 'after-sales.AfterSalesRefundIssued', { requestId: 'AS-S1', refundNo: 1, storeId: 'S001', memberId, orderRef: 'POS-SPENT-1', amount: 10_000, refundedTotal: 10_000, paidForReturnedLines: 10_000, lines: [], issuedAt: clock.now().toISOString() }, 'refund-s1');
    await eventually(async () => expect(await points(memberId)).toMatchObject({ available: 0, debt: 80, netSpend12m: 0 }));
    await buy(memberId, 'POS-SPENT-2', 20_000);
    clock.advance(8 * DAY);
    await eventually(async () => expect(await points(memberId)).toMatchObject({ available: 120, debt: 0 }));
  });

  it('gives the points back when gifts refuses the gift', async () => {
    const memberId = await newMember();
    await buy(memberId, 'POS-REF-1', 10_000);
    clock.advance(8 * DAY);
    await eventually(async () => expect((await points(memberId)).available).toBe(100));
    giftAnswers.set('GIFT-GONE', 'refuse');
    const r = await call(MembersLoyaltyRpc.RequestRedemption, { memberId, giftSku: 'GIFT-GONE', quantity: 1, storeId: 'S001' }, staff);
    await eventually(async () => expect(await call(MembersLoyaltyRpc.GetRedemption, { redemptionId: r.id }, staff)).toMatchObject({ status: 'released', giftRefusalReason: 'out_of_stock' }));
    expect(await points(memberId)).toMatchObject({ available: 100, held: 0 });
  });

  it('shows a member in the right cells of the analyses, and the earlier figures as of an earlier instant', async () => {
    clock.set('2026-06-20T02:00:00.000Z');
    const { id: memberId } = await call(MembersRpc.SubmitApplication, { storeId: 'S002', name: 'Han Mei', mobile: String(++mobile), gender: 'female', birthDate: '1995-06-01' }, { ...staff, storeId: 'S002' });
    await eventually(() => call(MembersLoyaltyRpc.GetPoints, { memberId }, { ...staff, storeId: 'S002' }));
    const sale = (receiptNo: string, amount: number) =>
      call(MembersLoyaltyRpc.RecordPurchase, { memberId, receiptNo, storeId: 'S002', amount, purchasedAt: clock.now().toISOString(), lines: [{ sku: 'X', quantity: 2, unitPrice: amount / 2 }] }, pos);
    await sale('POS-AN-1', 60_000);
    const analysis = (name: string, extra: object = {}) => call(MembersLoyaltyRpc.MemberAnalysis, { analysis: name, storeId: 'S002', from: '2026-06-01', to: '2026-06-30', ...extra }, manager);
    await eventually(async () => expect((await analysis('spending-level')).members).toBe(1));
    await new Promise((r) => setTimeout(r, 30));
    const afterFirst = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 30));
    await sale('POS-AN-2', 300_000);
    await publish('after-sales.evt.AfterSalesRefundIssued.v1', 'after-sales.AfterSalesRefundIssued', { requestId: 'AS-AN', refundNo: 1, storeId: 'S002', orderRef: 'POS-AN-1', amount: 20_000, refundedTotal: 20_000, paidForReturnedLines: 20_000, lines: [], issuedAt: clock.now().toISOString() }, 'refund-an');
    await eventually(async () => expect(await analysis('spending-level')).toMatchObject({ members: 1, netSpend: 340_000, txCount: 2, atv: 170_000, upt: 2 }));
    const level = await analysis('spending-level');
    expect(level.bands.find((b: { members: number }) => b.members === 1).band).toBe('200000-499999');
    const cells = (await analysis('gender-age')).cells;
    expect(cells).toEqual([expect.objectContaining({ gender: 'female', ageBand: '25-34', members: 1, netSpend: 340_000 })]);
    expect(await analysis('spending-power')).toMatchObject({ members: 1, averageAnnualSpend: 340_000, top20Share: 1 });
    expect((await analysis('consumption-share')).days).toEqual([expect.objectContaining({ storeId: 'S002', day: '2026-06-20', memberAmount: 360_000, amountShare: 1 })]);
    // as known right after the first purchase
    expect(await analysis('spending-level', { asOf: afterFirst })).toMatchObject({ members: 1, netSpend: 60_000, txCount: 1 });
    expect((await analysis('gender-age', { asOf: afterFirst })).cells[0]).toMatchObject({ netSpend: 60_000 });
    const outOfScope = await rejection(call(MembersLoyaltyRpc.MemberAnalysis, { analysis: 'churn', storeId: 'S002' }, staff));
    expect(outOfScope).toMatchObject({ kind: 'forbidden' });
  });

  it('plans the month’s birthdays, withholds the gift of an incomplete record, announces the gift when due', async () => {
    const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'] };
    const submit = async (birthDate: string) => (await call(MembersRpc.SubmitApplication, { storeId: 'S001', name: 'Zhou Xun', mobile: String(++mobile), birthDate }, staff)).id as string;
    const complete = await submit('1990-07-15');
    const incomplete = await submit('1985-07-03');
    await call(MembersRpc.ReviewApplication, { memberId: incomplete, decision: 'request_supplement', missingFields: ['postalAddress'] }, agent);
    await eventually(async () => {
      const { rows } = await db.query("select member_id from loyalty_member_profile_v1 where member_id = any($1) and (member_id <> $2 or review_status = 'needs_supplement')", [[complete, incomplete], incomplete]);
      expect(rows).toHaveLength(2);
      await points(complete);
    });
    clock.set('2026-06-30T16:00:00.000Z'); // 1 July, local midnight
    const list = await eventually(async () => {
      const l = await call(MembersLoyaltyRpc.BirthdayList, { month: '2026-07', storeId: 'S001' }, agent);
      expect(l.items.filter((i: { memberId: string }) => [complete, incomplete].includes(i.memberId))).toHaveLength(2);
      return l;
    });
    const of = (memberId: string) => list.items.find((i: { memberId: string }) => i.memberId === memberId);
    expect(of(complete)).toMatchObject({ birthday: '2026-07-15', status: 'planned', giftDueAt: '2026-07-07T16:00:00.000Z', card: { state: 'due' }, call: { state: 'not_applicable' } });
    expect(of(incomplete)).toMatchObject({ birthday: '2026-07-03', status: 'withheld', giftCard: { state: 'withheld' } });

    clock.set('2026-07-07T16:00:00.000Z');
    await eventually(async () => {
      const l = await call(MembersLoyaltyRpc.BirthdayList, { month: '2026-07' }, agent);
      expect(l.items.find((i: { memberId: string }) => i.memberId === complete).status).toBe('gift_due');
    });
    const due = await eventually(async () => {
      const stream = await (await js.streams.get(`${iso.streamPrefix}MEMBERS_EVT`)).getMessage({ last_by_subj: `${iso.subjectPrefix}members.evt.BirthdayGiftDue.v1` });
      return stream!.json<{ data: Record<string, unknown> }>().data;
    });
    expect(due).toEqual({ memberId: complete, storeId: 'S001', birthday: '2026-07-15', tier: 'standard', callOnTheDay: false, dueAt: '2026-07-07T16:00:00.000Z' });
    await publish('gifts.evt.GiftEntitlementIssued.v1', 'gifts.GiftEntitlementIssued', { entitlementId: 'ent-bd-1', code: 'BD-1', kind: 'birthday_gift_card', source: 'birthday', memberId: complete, validFrom: '2026-07-08T00:00:00Z', validUntil: '2026-08-15T00:00:00Z', issuedAt: clock.now().toISOString() }, 'ent-bd-1');
    await eventually(async () => {
      const l = await call(MembersLoyaltyRpc.BirthdayList, { month: '2026-07' }, agent);
      expect(l.items.find((i: { memberId: string }) => i.memberId === complete).giftCard).toEqual({ state: 'issued', issuanceId: 'ent-bd-1' });
    });

    // the desk records the card; no call is due below the VIP tiers; another store's staff see no greeting
    const otherStore: Actor = { id: 'staff-9', role: 'store_staff', storeId: 'S003' };
    expect(await rejection(call(MembersLoyaltyRpc.RecordBirthdayCard, { memberId: complete, year: 2026, channel: 'post' }, otherStore))).toMatchObject({ code: 'BIRTHDAY_GREETING_NOT_FOUND' });
    expect(await rejection(call(MembersLoyaltyRpc.RecordBirthdayCall, { memberId: complete, year: 2026, outcome: 'reached' }, agent))).toMatchObject({ kind: 'rule', code: 'BIRTHDAY_CALL_NOT_DUE' });
    expect(await call(MembersLoyaltyRpc.RecordBirthdayCard, { memberId: complete, year: 2026, channel: 'post' }, agent)).toMatchObject({ status: 'completed' });
    expect(await rejection(call(MembersLoyaltyRpc.RecordBirthdayCard, { memberId: complete, year: 2025, channel: 'post' }, agent))).toMatchObject({ kind: 'not_found' });
    await eventually(async () => {
      const l = await call(MembersLoyaltyRpc.BirthdayList, { month: '2026-07' }, agent);
      expect(l.items.find((i: { memberId: string }) => i.memberId === complete)).toMatchObject({ status: 'completed', card: { state: 'sent', channel: 'post' } });
    });
  });

  it('makes an online buyer a member at the first successful online purchase (R101), the same member on the next', async () => {
    const online = (receiptNo: string, amount: number) => ({
      receiptNo,
      storeId: 'ONLINE',
      channel: 'online',
      buyer: { name: 'Online Buyer', mobile: '13500000077' },
      amount,
      lines: [{ sku: 'WEB-1', quantity: 1, unitPrice: amount }],
      occurredAt: clock.now().toISOString(),
    });
    await publish('sales.evt.TransactionRecorded.v1', 'sales.TransactionRecorded', online('WEB-R1', 20_000), 'web-1');
    const member = await eventually(async () => {
      const listed = await call(MembersRpc.ListMembers, { q: 'Online Buyer' }, manager);
      expect(listed.items).toHaveLength(1);
      return listed.items[0];
    });
    expect(member).toMatchObject({ storeId: 'ONLINE', status: 'active' });
    expect(member.memberNo).toMatch(/^\d{6}$/);
    // the id survives closure: it must not be a hash of the mobile (reversed by trying every number)
    const hashed = createHash('sha256').update('online-member:13500000077').digest('hex');
    expect(member.id.replace(/-/g, '')).not.toContain(hashed.slice(0, 8));
    await eventually(async () => expect(await call(MembersLoyaltyRpc.GetPoints, { memberId: member.id }, manager)).toMatchObject({ pending: 200 }), 20_000);
    await publish('sales.evt.TransactionRecorded.v1', 'sales.TransactionRecorded', online('WEB-R2', 30_000), 'web-2');
    await eventually(async () => expect(await call(MembersLoyaltyRpc.GetPoints, { memberId: member.id }, manager)).toMatchObject({ pending: 500, netSpend12m: 50_000 }));
    expect((await call(MembersRpc.ListMembers, { q: 'Online Buyer' }, manager)).items).toHaveLength(1);
  });

  it('lists the memberships expiring in the coming window on the 1st, and expires them at their instant', async () => {
    const rules = strip(await call(MembersLoyaltyRpc.GetLoyaltyConfig, {}, manager));
    await call(MembersLoyaltyRpc.SetLoyaltyConfig, { ...rules, membershipValidityMonths: 1 }, manager);
    clock.set('2026-07-08T02:00:00.000Z');
    const memberId = await newMember();
    expect((await points(memberId)).membershipExpiresAt).toBe('2026-08-08T02:00:00.000Z');
    await call(MembersLoyaltyRpc.SetLoyaltyConfig, { ...rules, membershipValidityMonths: 24 }, manager);
    const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'] };
    // on the list of its expiry month from the start, the notice follows with the run
    await eventually(async () => {
      const list = await call(MembersLoyaltyRpc.ExpiringMembers, { month: '2026-08', storeId: 'S001' }, agent);
      expect(list.items.find((i: { memberId: string }) => i.memberId === memberId)).toMatchObject({ noticeSent: false });
    });

    clock.set('2026-07-31T16:00:00.000Z'); // 1 August, local midnight: the monthly run
    await eventually(async () => {
      const list = await call(MembersLoyaltyRpc.ExpiringMembers, { month: '2026-08', storeId: 'S001' }, agent);
      expect(list.items.find((i: { memberId: string }) => i.memberId === memberId)).toMatchObject({ expiresAt: '2026-08-08T02:00:00.000Z', noticeSent: true, status: 'active' });
    }, 20_000);
    expect((await call(MembersLoyaltyRpc.ExpiringMembers, { month: '2026-08' }, { id: 'agent-2', role: 'hq_cs_agent', regionIds: ['R3'] })).items).toEqual([]);

    clock.set('2026-08-08T01:59:59.000Z');
    await new Promise((r) => setTimeout(r, 400));
    expect((await points(memberId)).status).toBe('active');
    clock.set('2026-08-08T02:00:00.000Z');
    await eventually(async () => expect((await points(memberId)).status).toBe('expired'));
    const published = await eventually(async () => {
      const msg = await (await js.streams.get(`${iso.streamPrefix}MEMBERS_EVT`)).getMessage({ last_by_subj: `${iso.subjectPrefix}members.evt.MembershipExpired.v1` });
      return msg!.json<{ data: Record<string, unknown> }>().data;
    });
    expect(published).toEqual({ memberId, storeId: 'S001', expiresAt: '2026-08-08T02:00:00.000Z' });
  });

  it('vests and expires each lot at its exact instant, also when the instants passed while the service was down', async () => {
    clock.set('2026-08-10T02:00:00.000Z');
    const memberId = await newMember();
    const boughtAt = clock.now().toISOString();
    await buy(memberId, 'POS-LOT-1', 12_345);
    const earlier = new Date().toISOString();
    expect(await points(memberId)).toMatchObject({ pending: 123, available: 0 });

    await app.close();
    clock.set(new Date(Date.parse(boughtAt) + 9 * DAY));
    await start();
    await eventually(async () => expect(await points(memberId)).toMatchObject({ pending: 0, available: 123 }), 20_000);
    const [vested] = await eventsOf(`loyalty-account-${memberId}`, 'PointsVested');
    expect(vested).toMatchObject({ vestedAt: new Date(Date.parse(boughtAt) + 7 * DAY).toISOString(), at: new Date(Date.parse(boughtAt) + 7 * DAY).toISOString() });

    await app.close();
    clock.set(new Date(Date.parse(boughtAt) + 400 * DAY));
    await start();
    // a year of missed monthly runs catches up first (each month's ranking is published)
    await eventually(async () => expect((await points(memberId)).lots[0]).toMatchObject({ status: 'expired', expired: 123, remaining: 0 }), 40_000);
    const [expired] = await eventsOf(`loyalty-account-${memberId}`, 'PointsExpired');
    expect(expired).toMatchObject({ points: 123, expiredAt: new Date(Date.parse(boughtAt) + 365 * DAY).toISOString() });
    // and the ledger as it stood before
    expect(await points(memberId, earlier)).toMatchObject({ pending: 123, available: 0 });
  });

  it('records the outcome of a VIP birthday call-back that complaints settled on the member’s greeting', async () => {
    const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'] };
    const { id: vip } = await call(MembersRpc.SubmitApplication, { storeId: 'S001', name: 'Sun Li', mobile: String(++mobile), birthDate: '1980-11-15' }, staff);
    await eventually(() => points(vip));
    await buy(vip, 'POS-VIP-1', 1_000_000);
    await eventually(async () => {
      const { rows } = await db.query('select tier from loyalty_account_v1 where member_id = $1', [vip]);
      expect(rows[0].tier).toBe('vip');
    });
    clock.set('2027-10-31T16:00:00.000Z'); // 1 November, local midnight: the monthly run plans the month's birthdays
    const greeting = async () => (await call(MembersLoyaltyRpc.BirthdayList, { month: '2027-11', storeId: 'S001' }, agent)).items.find((i: { memberId: string }) => i.memberId === vip);
    await eventually(async () => expect((await greeting())?.call).toEqual({ state: 'due' }), 40_000);
    const settled = { kind: 'birthday_greeting', sourceRef: vip, storeId: 'S001' };
    // another kind of call-back and a broken one change nothing here
    await publish('complaints.evt.CallbackCompleted.v1', 'complaints.CallbackCompleted', { ...settled, kind: 'expiring_member', callbackId: `expiring-${vip}`, satisfaction: 5, satisfied: true, completedBy: 'agent-1', completedAt: '2027-11-15T02:00:00.000Z' }, 'cb-other');
    await publish('complaints.evt.CallbackUnreachable.v1', 'complaints.CallbackUnreachable', { ...settled, callbackId: `birthday-${vip}-2027`, unansweredAttempts: 3, unreachableAt: '2027-11-15T09:00:00.000Z' }, 'cb-unreachable');
    await eventually(async () => expect((await greeting())?.call).toEqual({ state: 'no_answer' }));
    await publish('complaints.evt.CallbackCompleted.v1', 'complaints.CallbackCompleted', { ...settled, callbackId: `birthday-${vip}-2027`, satisfaction: 5, satisfied: true, completedBy: 'agent-1', completedAt: '2027-11-16T02:00:00.000Z' }, 'cb-completed');
    await eventually(async () => expect((await greeting())?.call).toEqual({ state: 'reached' }));
  });
});

/** The config view minus the fields that are not part of the rule set. */
function strip(view: Record<string, unknown>) {
  const { id: _id, version: _v, definedAt: _a, definedBy: _b, ...rules } = view;
  return rules;
}
