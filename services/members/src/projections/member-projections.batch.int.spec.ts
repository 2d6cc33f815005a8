import { EVENT_STORE_SCHEMA_SQL, type Projection, type RecordedEvent } from '@cs/eventstore';
import { openDataSource, typeormTransact, type OrmTx } from '@cs/nest-common';
import { createTestDatabase, type TestDatabase } from '@cs/testing';
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

let position = 0;
const versions = new Map<string, number>();
function recorded(type: string, data: Record<string, unknown>): RecordedEvent {
  const memberId = data.memberId as string;
  const streamVersion = (versions.get(memberId) ?? 0) + 1;
  versions.set(memberId, streamVersion);
  position++;
  return {
    eventId: `e-${position}`,
    type,
    data,
    schemaVersion: 1,
    metadata: {},
    streamId: `member-${memberId}`,
    streamType: 'member',
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

describe('member read models written per batch (member list, profile facts)', () => {
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

  it('should write forty applications in one statement per read model', async () => {
    const events = history().filter((e) => e.type === 'MemberApplicationSubmitted');
    const projections = [memberListProjection('Asia/Shanghai'), memberProfileFactsProjection];
    const transact = typeormTransact(ds);
    for (const p of projections) await transact((tx) => p.reset(tx));
    for (const p of projections) {
      let statements = 0;
      await transact(async (tx) => {
        // every statement after the begin goes through the transaction's query runner
        const runner = tx.em.queryRunner!;
        const query = runner.query.bind(runner);
        runner.query = ((...args: Parameters<typeof query>) => (statements++, query(...args))) as typeof runner.query;
        await p.handle(events, tx);
      });
      // one statement for the 41 rows, then the commit
      expect({ id: p.id, statements }).toEqual({ id: p.id, statements: 2 });
    }
    expect((await tables()).list).toHaveLength(41);
  });
});
