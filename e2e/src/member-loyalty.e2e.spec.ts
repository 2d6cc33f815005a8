import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { TestClock } from '@cs/eventstore';
import { eventually } from '@cs/testing';
import { Platform, type Claims } from './support/platform.js';

const storeStaff: Claims = { sub: 'staff-s002', role: 'store_staff', storeId: 'S002', name: 'Zhao Lei' };
const hqAgent: Claims = { sub: 'agent-r1', role: 'hq_cs_agent', regionIds: ['R1'] };
const analyst: Claims = { sub: 'analyst-1', role: 'analyst' };

describe('member loyalty end to end, through the gateway', () => {
  const platform = new Platform();
  let nc: NatsConnection;
  beforeAll(async () => {
    await platform.start();
    nc = await connect({ servers: platform.membersConfig.natsUrl });
  }, 60_000);
  afterAll(async () => {
    await nc?.drain();
    await platform.stop();
  });
  const post = (url: string, as: Claims, body: unknown) => platform.request('POST', url, as, body);
  const get = (url: string, as: Claims) => platform.request('GET', url, as);
  const pause = () => new Promise((r) => setTimeout(r, 50));

  it('a member buys twice, a refund arrives: points, tier and the analyses show it, and an earlier asOf the earlier figures', async () => {
    const submitted = await post('/v1/members', storeStaff, { storeId: 'S002', name: 'Sun Li', mobile: '13711112222', gender: 'male', birthDate: '1980-03-09' });
    expect(submitted.status).toBe(201);
    const memberId = submitted.body.id as string;
    await eventually(async () => expect((await get(`/v1/members/${memberId}/points`, storeStaff)).status).toBe(200));

    const now = () => new Date().toISOString();
    const receipt1 = { receiptNo: 'E2E-R1', storeId: 'S002', amount: 150_000, purchasedAt: now(), lines: [{ sku: 'COAT-1', quantity: 1, unitPrice: 150_000 }] };
    const first = await post(`/v1/members/${memberId}/purchases`, storeStaff, receipt1);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ tier: 'standard', pointsEarned: 1_500, recorded: true });
    // the POS sends the receipt again: counted once
    const again = await post(`/v1/members/${memberId}/purchases`, storeStaff, receipt1);
    expect(again.body).toMatchObject({ recorded: false, pointsEarned: 0 });
    await eventually(async () => expect((await get(`/v1/analytics/members/spending-level?storeId=S002`, analyst)).body.members).toBe(1));
    await pause();
    const betweenPurchases = now();
    await pause();

    const second = await post(`/v1/members/${memberId}/purchases`, storeStaff, { receiptNo: 'E2E-R2', storeId: 'S002', amount: 100_000, purchasedAt: now(), lines: [{ sku: 'BAG-1', quantity: 2, unitPrice: 50_000 }] });
    expect(second.body).toMatchObject({ tier: 'silver', pointsEarned: 1_000 });

    // after-sales refunds part of the first receipt
    const js = jetstream(nc);
    const refundId = `e2e-refund-${Date.now()}`;
    await js.publish(
      `${platform.prefix}after-sales.evt.AfterSalesRefundIssued.v1`,
      JSON.stringify({
        id: refundId,
        type: 'after-sales.AfterSalesRefundIssued',
        version: 1,
        source: 'after-sales',
        occurredAt: now(),
        streamId: 'return-request-e2e',
        streamVersion: 5,
        data: { requestId: 'RR-E2E', refundNo: 1, storeId: 'S002', memberId, orderRef: 'E2E-R1', amount: 60_000, refundedTotal: 60_000, paidForReturnedLines: 60_000, lines: [], issuedAt: now() },
      }),
      { msgID: refundId },
    );
    const ledger = await eventually(async () => {
      const res = await get(`/v1/members/${memberId}/points`, storeStaff);
      expect(res.body).toMatchObject({ pending: 1_900, available: 0, held: 0, debt: 0, netSpend12m: 190_000 });
      return res.body;
    });
    expect(ledger.lots.map((l: { lotId: string; points: number; remaining: number; status: string }) => [l.lotId, l.points, l.remaining, l.status])).toEqual([
      ['lot-E2E-R1', 1_500, 900, 'pending'],
      ['lot-E2E-R2', 1_000, 1_000, 'pending'],
    ]);
    // the tier stays until the monthly review
    expect(ledger.tier).toBe('silver');
    const tiers = await get(`/v1/members/${memberId}/tier-history`, storeStaff);
    expect(tiers.body.items.map((i: { reason: string; to: string }) => `${i.reason}:${i.to}`)).toEqual(['joined:standard', 'purchase:silver']);

    const level = await eventually(async () => {
      const res = await get('/v1/analytics/members/spending-level?storeId=S002', analyst);
      expect(res.body).toMatchObject({ members: 1, netSpend: 190_000, txCount: 2, items: 3 });
      return res.body;
    });
    expect(level.bands.find((b: { members: number }) => b.members === 1).band).toBe('50000-199999');
    const genderAge = await get('/v1/analytics/members/gender-age?storeId=S002', analyst);
    expect(genderAge.body.cells).toEqual([expect.objectContaining({ gender: 'male', ageBand: '45-54', members: 1, netSpend: 190_000 })]);
    const power = await get('/v1/analytics/members/spending-power?regionId=R1', analyst);
    expect(power.body).toMatchObject({ members: 1, averageAnnualSpend: 190_000 });

    const earlier = await get(`/v1/analytics/members/spending-level?storeId=S002&asOf=${encodeURIComponent(betweenPurchases)}`, analyst);
    expect(earlier.body).toMatchObject({ members: 1, netSpend: 150_000, txCount: 1 });
    const earlierPoints = await get(`/v1/members/${memberId}/points?asOf=${encodeURIComponent(betweenPurchases)}`, storeStaff);
    expect(earlierPoints.body).toMatchObject({ pending: 1_500, tier: 'standard' });
    expect((await get('/v1/analytics/members/horoscope', analyst)).status).toBe(404);
    expect((await get('/v1/analytics/members/churn', hqAgent)).status).toBe(403);

    // the month's ranking: members restarted just after local midnight of the next month's 1st
    // (Asia/Shanghai, the rules' time zone), when the monthly run publishes it
    const local = new Date(Date.now() + 8 * 3_600_000);
    const month = local.toISOString().slice(0, 7);
    const nextFirst = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - 8 * 3_600_000;
    expect((await get(`/v1/members/rankings?month=${month}`, hqAgent)).body).toMatchObject({ code: 'RANKING_NOT_PUBLISHED' });
    await platform.stopService('members');
    await platform.startService('members', { clock: new TestClock(new Date(nextFirst + 60_000)) });
    const ranking = await eventually(async () => {
      const res = await get(`/v1/members/rankings?month=${month}&storeId=S002`, hqAgent);
      expect(res.status).toBe(200);
      return res.body;
    }, 30_000);
    expect(ranking).toMatchObject({ month, rankingSize: 10, rulesRevision: 0 });
    expect(ranking.items).toEqual([{ storeId: 'S002', ranked: [{ rank: 1, memberId, netSpend: 190_000, txCount: 2 }] }]);
  }, 120_000);
});
