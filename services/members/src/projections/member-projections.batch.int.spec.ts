import { EVENT_STORE_SCHEMA_SQL, type Projection, type RecordedEvent } from '@cs/eventstore';
import { openDataSource, typeormTransact, type OrmTx } from '@cs/nest-common';
import { countTransactionStatements, createTestDatabase, type TestDatabase } from '@cs/testing';
import type { DataSource } from 'typeorm';
import { MemberReadModels1735689600100 } from '../migrations/1735689600100-member-read-models.js';
import { LoyaltyReadModels1735689600200 } from '../migrations/1735689600200-loyalty-read-models.js';
import { MemberDataKeys1735689600300 } from '../migrations/1735689600300-member-data-keys.js';
import { LoyaltyParkedRefunds1735689600400 } from '../migrations/1735689600400-loyalty-parked-refunds.js';
import { BirthdayGreetingErasable1735689600500 } from '../migrations/1735689600500-birthday-greeting-erasable.js';
import { MemberProfileFields1735689600600 } from '../migrations/1735689600600-member-profile-fields.js';
import { MemberListRow } from './member-list/member-list.entity.js';
import { memberListProjection } from './member-list/member-list.projection.js';
import { memberProfileFactsProjection } from './member-profile-facts/member-profile-facts.projection.js';
import { loyaltyAccountProjection } from './loyalty-account/loyalty-account.projection.js';
import { loyaltyTimersProcessor } from './loyalty-timers/loyalty-timers.processor.js';
import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';

let position = 0;
const versions = new Map<string, number>();
function recorded(type: string, data: Record<string, unknown>, stream = 'member'): RecordedEvent {
  const memberId = data.memberId as string;
  const streamVersion = (versions.get(`${stream}-${memberId}`) ?? 0) + 1;
  versions.set(`${stream}-${memberId}`, streamVersion);
  position++;
  return {
    eventId: `e-${position}`,
    type,
    data,
    schemaVersion: 1,
    metadata: {},
    streamId: `${stream}-${memberId}`,
    streamType: stream,
    streamVersion,
    globalPosition: String(position),
    transactionId: '1000',
    recordedAt: new Date('2026-06-01T00:00:00.000Z'),
  };
}

const at = '2026-06-01T02:00:00.000Z';
const submitted = (memberId: string, extra: Record<string, unknown> = {}) =>
  recorded('MemberApplicationSubmitted', { memberId, storeId: 'S001', name: `Name ${memberId}`, mobile: `138${memberId.padStart(8, '0')}`, status: 'pending_review', submittedAt: at, registeredBy: 'staff-1', ...extra });

/** Members whose events interleave, several per member in one batch, as a busy log has them. */
function history(): RecordedEvent[] {
  versions.clear();
  const events: RecordedEvent[] = [];
  for (let i = 0; i < 40; i++) events.push(submitted(`m${i}`, i % 2 ? { gender: 'female', birthDate: '1990-03-0' + ((i % 9) + 1) } : {}));
  events.push(recorded('MemberSupplementRequested', { memberId: 'm0', storeId: 'S001', name: 'Name m0', missingFields: ['birthDate'], requestedBy: 'agent-1', requestedAt: at }));
  events.push(submitted('m40'));
  events.push(recorded('MemberApplicationSupplemented', { memberId: 'm0', storeId: 'S001', name: 'Name m0', fields: { birthDate: '1985-11-20', gender: 'male', name: 'New m0' }, supplementedBy: 'staff-1', supplementedAt: at }));
  events.push(recorded('MemberApproved', { memberId: 'm1', storeId: 'S001', name: 'Name m1', memberNo: 'M0001', activatedAt: at, reviewedBy: 'agent-1' }));
  events.push(recorded('MemberApproved', { memberId: 'm0', storeId: 'S001', name: 'New m0', memberNo: 'M0002', activatedAt: at, reviewedBy: 'agent-1' }));
  events.push(recorded('MemberContactChanged', { memberId: 'm1', storeId: 'S001', changes: { mobile: '13900000001' }, changedBy: 'staff-1', changedAt: at }));
  events.push(recorded('MemberClosed', { memberId: 'm3', storeId: 'S001', reason: 'asked', mobile: 'sealed', gender: 'female', birthYearMonth: '1990-03', closedBy: 'agent-1', closedAt: at }));
  events.push(recorded('MemberClosed', { memberId: 'm1', storeId: 'S001', reason: 'asked', mobile: 'sealed', closedBy: 'agent-1', closedAt: at }));
  return events;
}

/** Loyalty accounts opened, bought on, renewed, closed: interleaved, several per account. */
function loyaltyHistory(): RecordedEvent[] {
  versions.clear();
  const account = (type: string, memberId: string, data: Record<string, unknown> = {}) => recorded(type, { memberId, at, by: 'system', ...data }, 'loyalty-account');
  const events: RecordedEvent[] = [];
  for (let i = 0; i < 12; i++) events.push(account('LoyaltyAccountOpened', `a${i}`, { storeId: 'S001', tier: 'standard', membershipExpiresAt: '2027-06-01T02:00:00.000Z', rulesRevision: 1 }));
  const purchase = (memberId: string, receiptNo: string, amount: number) =>
    account('PurchaseRecorded', memberId, { receiptNo, storeId: 'S001', channel: 'store', amount, itemCount: 1, purchasedAt: at });
  events.push(purchase('a1', 'R1', 300_000));
  events.push(account('PointsEarned', 'a1', { lotId: 'L1', receiptNo: 'R1', points: 3_000, earnedAt: at, vestsAt: '2026-06-08T02:00:00.000Z', expiresAt: '2027-06-01T02:00:00.000Z', rulesRevision: 1 }));
  events.push(account('TierChanged', 'a1', { from: 'standard', to: 'silver', direction: 'up', reason: 'purchase', netSpend12m: 300_000, rulesRevision: 1 }));
  events.push(account('LoyaltyAccountOpened', 'a20', { storeId: 'S002', tier: 'standard', membershipExpiresAt: '2027-06-01T02:00:00.000Z', rulesRevision: 1 }));
  events.push(account('MembershipRenewed', 'a2', { previousExpiresAt: '2027-06-01T02:00:00.000Z', expiresAt: '2029-06-01T02:00:00.000Z', rulesRevision: 1 }));
  events.push(purchase('a3', 'R3', 5_000));
  events.push(account('LoyaltyAccountClosed', 'a4', { reason: 'member closed', forfeited: [], forfeitedPoints: 0, debtWrittenOff: 0 }));
  events.push(account('LoyaltyAccountOpened', 'a21', { storeId: 'S001', tier: 'standard', membershipExpiresAt: '2027-06-01T02:00:00.000Z', rulesRevision: 1 }));
  return events;
}

describe('member read models written per batch (member list, profile facts, loyalty accounts and timers)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('memberbatch');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    ds = await openDataSource({ url: db.url, entities: [MemberListRow], migrations: [MemberReadModels1735689600100, LoyaltyReadModels1735689600200, MemberDataKeys1735689600300, LoyaltyParkedRefunds1735689600400, BirthdayGreetingErasable1735689600500, MemberProfileFields1735689600600], poolSize: 2 });
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const tables = async () => ({
    list: (await db.pool.query('select * from member_list_v1 order by member_id')).rows,
    profiles: (await db.pool.query('select * from loyalty_member_profile_v1 order by member_id')).rows,
  });

  async function apply(projections: Projection<OrmTx>[], batches: RecordedEvent[][]): Promise<void> {
    const transact = typeormTransact(ds);
    for (const p of projections) await transact((tx) => p.reset(tx));
    for (const batch of batches) {
      for (const p of projections) await transact((tx) => p.handle(batch.filter((e) => p.handles?.includes(e.type) ?? true), tx));
    }
  }

  it('should leave the same rows from one batch as from one event at a time, and replaying the batch changes nothing', async () => {
    const projections = [memberListProjection('Asia/Shanghai'), memberProfileFactsProjection];
    const events = history();
    await apply(projections, events.map((e) => [e]));
    const oneByOne = await tables();
    expect(oneByOne.list.find((r) => r.member_id === 'm0')).toMatchObject({ status: 'active', name: 'New m0', member_no: 'M0002' });
    expect(oneByOne.profiles.find((r) => r.member_id === 'm3')).toMatchObject({ review_status: 'closed', birth_date: null, birth_year_month: '1990-03' });

    await apply(projections, [events]);
    expect(await tables()).toEqual(oneByOne);
    for (const p of projections) await typeormTransact(ds)((tx) => p.handle(events.filter((e) => p.handles!.includes(e.type)), tx));
    expect(await tables()).toEqual(oneByOne);
  });

  it('should leave the same loyalty accounts, status facts and timers from one batch as from one event at a time', async () => {
    const projections = [
      loyaltyAccountProjection('Asia/Shanghai', (storeId) => (storeId === 'S001' ? 'R1' : 'R2')),
      loyaltyTimersProcessor(async () => DEFAULT_LOYALTY_RULES) as Projection<OrmTx>,
    ];
    const loyalty = async () => ({
      accounts: (await db.pool.query('select * from loyalty_account_v1 order by member_id')).rows,
      statuses: (await db.pool.query('select member_id, version, status, at from loyalty_status_fact_v1 order by member_id, version')).rows,
      timers: (await db.pool.query('select timer_id, kind, due_at, cancelled_at is not null as cancelled from es_timers order by timer_id')).rows,
    });
    const events = loyaltyHistory();
    const reset = async () => {
      await db.pool.query('delete from es_timers');
      for (const p of projections) if (p.reset) await typeormTransact(ds)((tx) => p.reset(tx));
    };
    await reset();
    for (const e of events) for (const p of projections) if (p.handles!.includes(e.type)) await typeormTransact(ds)((tx) => p.handle([e], tx));
    const oneByOne = await loyalty();
    expect(oneByOne.accounts).toHaveLength(14);
    expect(oneByOne.accounts.find((a) => a.member_id === 'a1')).toMatchObject({ tier: 'silver' });
    expect(oneByOne.accounts.find((a) => a.member_id === 'a4')).toMatchObject({ status: 'closed' });
    expect(oneByOne.timers.filter((t) => t.timer_id.startsWith('loyalty-account-a2:loyalty.membership.expire')).map((t) => [t.timer_id.slice(-24, -14), t.cancelled])).toEqual([['2027-06-01', true], ['2029-06-01', false]]);

    await reset();
    for (const p of projections) await typeormTransact(ds)((tx) => p.handle(events.filter((e) => p.handles!.includes(e.type)), tx));
    expect(await loyalty()).toEqual(oneByOne);
  });

  it('should write forty applications in one statement per read model', async () => {
    const events = history().filter((e) => e.type === 'MemberApplicationSubmitted');
    const projections = [memberListProjection('Asia/Shanghai'), memberProfileFactsProjection];
    const transact = typeormTransact(ds);
    for (const p of projections) await transact((tx) => p.reset(tx));
    for (const p of projections) {
      let statements = () => 0;
      await transact(async (tx) => {
        statements = countTransactionStatements(tx);
        await p.handle(events, tx);
      });
      // one statement for the 41 rows, then the commit
      expect({ id: p.id, statements: statements() }).toEqual({ id: p.id, statements: 2 });
    }
    expect((await tables()).list).toHaveLength(41);
  });
});
