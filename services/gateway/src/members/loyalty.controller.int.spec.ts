import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@cs/eventstore';
import { RpcServer, type RpcContext } from '@cs/messaging';
import { MembersLoyaltyRpc } from '@cs/contracts';
import { createGatewayApp } from '../gateway.app.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SECRET = 'loyalty-int-secret';
const prefix = `t${randomBytes(6).toString('hex')}.`;
const auth = (claims: Record<string, unknown>) => ({ authorization: `Bearer ${jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: '10m' })}` });
const storeStaff = auth({ sub: 'u-store', role: 'store_staff', storeId: 'S001' });
const hqAgent = auth({ sub: 'u-hq', role: 'hq_cs_agent', regionIds: ['R1'] });
const manager = auth({ sub: 'u-mgr', role: 'hq_cs_manager' });
const customer = auth({ sub: 'M42', role: 'customer' });
const warehouse = auth({ sub: 'u-wh', role: 'warehouse' });

const rules = {
  tiers: [{ code: 'standard', name: 'Standard', minNetSpend12m: 0, vip: false }],
  earnRate: { points: 1, perAmount: 100 },
  vestingDays: 7,
  lotExpiryDays: 365,
  membershipValidityMonths: 24,
  expiringNoticeDays: 30,
  atRiskAfterDays: 90,
  churnedAfterDays: 180,
  birthdayLeadDays: 7,
  rankingSize: 10,
  redemptionTimeoutMinutes: 30,
  timezone: 'Asia/Shanghai',
  spendBands: [0, 50000],
  ageBands: [18, 25],
};

describe('Gateway: members loyalty paths (real NATS, fake members service)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let members: RpcServer;
  const seen: Array<{ subject: string; payload: any; context: RpcContext }> = [];

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    members = new RpcServer(nc, { subjectPrefix: prefix, queue: 'fake-members-loyalty' });
    for (const subject of Object.values(MembersLoyaltyRpc)) {
      members.handle(subject, async (payload, context) => {
        seen.push({ subject, payload, context });
        if ((payload as { memberId?: string }).memberId === 'M404') throw new DomainError('LOYALTY_ACCOUNT_NOT_FOUND', 'no account', 'not_found');
        if ((payload as { giftSku?: string }).giftSku === 'GIFT-POOR') throw new DomainError('INSUFFICIENT_POINTS', '10 points asked, 0 available', 'rule');
        return { id: 'X1', version: 3, items: [], nextCursor: null };
      });
    }
    app = await createGatewayApp({ natsUrl: NATS_URL, jwtSecret: SECRET, subjectPrefix: prefix, rpcTimeoutMs: 1000, logger: false });
  });

  afterAll(async () => {
    await members?.close();
    await app?.close();
    await nc?.drain();
  });

  const inject = (options: Parameters<NestFastifyApplication['inject']>[0]) => app.inject(options as never);
  const lastCall = () => seen[seen.length - 1];

  it('should route each path to its RPC with the id from the path', async () => {
    const purchase = { receiptNo: 'POS-1', storeId: 'S001', amount: 1000, purchasedAt: '2026-06-01T10:00:00+08:00', lines: [] };
    const cases: Array<[string, string, Record<string, string>, object | undefined, string, object]> = [
      ['POST', '/v1/members/M1/purchases', storeStaff, purchase, MembersLoyaltyRpc.RecordPurchase, { ...purchase, memberId: 'M1' }],
      ['GET', '/v1/members/M1/points?asOf=2026-06-01T00:00:00Z', storeStaff, undefined, MembersLoyaltyRpc.GetPoints, { memberId: 'M1', asOf: '2026-06-01T00:00:00.000Z' }],
      ['POST', '/v1/members/M1/points/redemptions', storeStaff, { giftSku: 'GIFT-MUG', quantity: 1, storeId: 'S001' }, MembersLoyaltyRpc.RequestRedemption, { giftSku: 'GIFT-MUG', memberId: 'M1' }],
      ['GET', '/v1/members/M1/tier-history', hqAgent, undefined, MembersLoyaltyRpc.TierHistory, { memberId: 'M1' }],
      ['GET', '/v1/members/expiring?month=2026-07&storeId=S001', hqAgent, undefined, MembersLoyaltyRpc.ExpiringMembers, { month: '2026-07', storeId: 'S001', limit: 50 }],
      ['GET', '/v1/members/birthdays?month=2026-05', hqAgent, undefined, MembersLoyaltyRpc.BirthdayList, { month: '2026-05' }],
      ['POST', '/v1/members/M1/birthday-greetings/2026/card', hqAgent, { channel: 'post' }, MembersLoyaltyRpc.RecordBirthdayCard, { channel: 'post', memberId: 'M1', year: 2026 }],
      ['POST', '/v1/members/M1/birthday-greetings/2026/call', storeStaff, { outcome: 'reached' }, MembersLoyaltyRpc.RecordBirthdayCall, { outcome: 'reached', memberId: 'M1', year: 2026 }],
      ['GET', '/v1/members/rankings?month=2026-05', manager, undefined, MembersLoyaltyRpc.Rankings, { month: '2026-05' }],
      ['GET', '/v1/config/loyalty?asOf=2026-01-01T00:00:00Z', hqAgent, undefined, MembersLoyaltyRpc.GetLoyaltyConfig, { asOf: '2026-01-01T00:00:00.000Z' }],
      ['POST', '/v1/config/loyalty', manager, rules, MembersLoyaltyRpc.SetLoyaltyConfig, { rankingSize: 10 }],
      ['GET', '/v1/config/loyalty/history', hqAgent, undefined, MembersLoyaltyRpc.LoyaltyConfigHistory, {}],
    ];
    for (const [method, url, headers, payload, subject, expected] of cases) {
      const res = await inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect([res.statusCode, url]).toEqual([method === 'POST' && subject === MembersLoyaltyRpc.RequestRedemption ? 201 : 200, url]);
      expect(lastCall().subject).toBe(subject);
      expect(lastCall().payload).toMatchObject(expected);
    }
  });

  it('should refuse roles without access, bad input and other members for a customer', async () => {
    expect((await inject({ method: 'POST', url: '/v1/config/loyalty', headers: hqAgent, payload: rules })).statusCode).toBe(403);
    expect((await inject({ method: 'GET', url: '/v1/members/expiring?month=2026-07', headers: storeStaff })).statusCode).toBe(403);
    expect((await inject({ method: 'GET', url: '/v1/members/M1/points', headers: warehouse })).statusCode).toBe(403);
    const bad = await inject({ method: 'POST', url: '/v1/members/M1/purchases', headers: storeStaff, payload: { receiptNo: 'POS 1', storeId: 'S001', amount: 0, purchasedAt: 'now', lines: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'purchasedAt', 'receiptNo']);
    expect((await inject({ method: 'GET', url: '/v1/members/expiring?month=2026-13', headers: hqAgent })).statusCode).toBe(400);
    expect((await inject({ method: 'POST', url: '/v1/members/M1/birthday-greetings/2026/card', headers: hqAgent, payload: { channel: 'pigeon' } })).statusCode).toBe(400);
    expect((await inject({ method: 'POST', url: '/v1/members/M1/birthday-greetings/this-year/call', headers: hqAgent, payload: { outcome: 'reached' } })).statusCode).toBe(400);
    expect((await inject({ method: 'POST', url: '/v1/members/M1/birthday-greetings/2026/card', headers: warehouse, payload: { channel: 'post' } })).statusCode).toBe(403);
    expect((await inject({ method: 'POST', url: '/v1/members/M1/birthday-greetings/2026/card', headers: customer, payload: { channel: 'post' } })).statusCode).toBe(403);
    expect((await inject({ method: 'GET', url: '/v1/members/M1/points', headers: customer })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: '/v1/members/M42/points', headers: customer })).statusCode).toBe(200);
  });

  it('should answer the service’s refusals as problems', async () => {
    const poor = await inject({ method: 'POST', url: '/v1/members/M1/points/redemptions', headers: storeStaff, payload: { giftSku: 'GIFT-POOR', quantity: 1, storeId: 'S001' } });
    expect(poor.statusCode).toBe(422);
    expect(poor.json()).toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect((await inject({ method: 'GET', url: '/v1/members/M404/points', headers: storeStaff })).statusCode).toBe(404);
  });
});
