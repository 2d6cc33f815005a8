import { EVENT_STORE_SCHEMA_SQL, type RecordedEvent } from '@cs/eventstore';
import { openDataSource, typeormTransact } from '@cs/nest-common';
import { countTransactionStatements, createTestDatabase, type TestDatabase } from '@cs/testing';
import type { DataSource } from 'typeorm';
import { ComplaintReadModels1735689600100 } from '../migrations/1735689600100-complaint-read-models.js';
import { ComplaintTeamReadModels1735689600200 } from '../migrations/1735689600200-complaint-team-read-models.js';
import type { StaffRoster } from '../routing/complaint-routing.js';
import { notificationOutboxProjection } from './notification-outbox.projection.js';

const roster: StaffRoster = { storeManagers: { S001: { id: 'mgr-1' } }, regionAgents: { R1: [{ id: 'agent-1' }] }, hqManagers: [{ id: 'hqm-1' }] };
const at = '2026-06-01T02:00:00.000Z';

let position = 0;
const versions = new Map<string, number>();
function recorded(complaintId: string, type: string, data: Record<string, unknown>): RecordedEvent {
  const streamVersion = (versions.get(complaintId) ?? 0) + 1;
  versions.set(complaintId, streamVersion);
  position++;
  return {
    eventId: `e-${position}`,
    type,
    data: { at, by: 'system', ...data },
    schemaVersion: 1,
    metadata: {},
    streamId: `complaint-${complaintId}`,
    streamType: 'complaint',
    streamVersion,
    globalPosition: String(position),
    transactionId: '1000',
    recordedAt: new Date(at),
  };
}

const filed = (id: string) => recorded(id, 'ComplaintFiled', { complaintId: id, complaintNo: `TS-${id}`, storeId: 'S001', regionId: 'R1', severity: 'P3', escalationLevel: 'store_staff' });
const assigned = (id: string, to: string) => recorded(id, 'ComplaintAssigned', { assigneeId: to });

/** Complaints whose events interleave, several per complaint in a batch, some alerting. */
function history(): RecordedEvent[] {
  versions.clear();
  const events: RecordedEvent[] = [];
  for (const id of ['c1', 'c2', 'c3', 'c4']) events.push(filed(id), assigned(id, `staff-${id}`));
  events.push(recorded('c1', 'ComplaintClassified', { category: 'PRODUCT_QUALITY', severity: 'P1' }));
  events.push(recorded('c2', 'SlaWarningReached', { clock: 'resolution', dueAt: '2026-06-02T02:00:00.000Z' }));
  events.push(recorded('c2', 'ComplaintEscalated', { fromLevel: 'store_staff', toLevel: 'hq_agent', reason: 'breach' }));
  events.push(filed('c5'));
  events.push(recorded('c2', 'SlaBreached', { clock: 'resolution', dueAt: '2026-06-02T02:00:00.000Z' }));
  events.push(recorded('c3', 'ComplaintAssigned', { assigneeId: 'staff-9' }));
  events.push(recorded('c3', 'SlaBreached', { clock: 'first_response', dueAt: '2026-06-01T03:00:00.000Z' }));
  return events;
}

describe('the notification outbox written per batch', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const projection = notificationOutboxProjection(() => roster);

  beforeAll(async () => {
    db = await createTestDatabase('notifbatch');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    ds = await openDataSource({ url: db.url, entities: [], migrations: [ComplaintReadModels1735689600100, ComplaintTeamReadModels1735689600200], poolSize: 2 });
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const tables = async () => ({
    cases: (await db.pool.query('select * from complaint_notification_case_v1 order by complaint_id')).rows,
    notifications: (await db.pool.query('select * from complaint_notification_v1 order by notification_id')).rows,
  });
  const apply = async (batches: RecordedEvent[][]) => {
    const transact = typeormTransact(ds);
    await transact((tx) => projection.reset(tx));
    for (const batch of batches) await transact((tx) => projection.handle(batch, tx));
  };

  it('should leave the same cases and notifications from one batch as from one event at a time, and a replay adds nothing', async () => {
    const events = history();
    await apply(events.map((e) => [e]));
    const oneByOne = await tables();
    expect(oneByOne.cases.find((c) => c.complaint_id === 'c2')).toMatchObject({ escalation_level: 'hq_agent', owner_id: 'staff-c2', version: 5 });
    expect(oneByOne.notifications.map((n) => `${n.complaint_id}:${n.kind}:${n.recipient_id}`).sort()).toEqual(
      ['c1:p1:hqm-1', 'c2:escalation:hqm-1', 'c2:sla_breach:hqm-1', 'c2:sla_breach:staff-c2', 'c2:sla_warning:mgr-1', 'c2:sla_warning:staff-c2', 'c3:sla_breach:mgr-1', 'c3:sla_breach:staff-9'].sort(),
    );

    await apply([events]);
    expect(await tables()).toEqual(oneByOne);
    await apply([events.slice(0, 9), events.slice(9)]);
    expect(await tables()).toEqual(oneByOne);
    await typeormTransact(ds)((tx) => projection.handle(events, tx));
    expect(await tables()).toEqual(oneByOne);
  });

  it('should write a batch of filed and assigned complaints in one statement, reading none', async () => {
    versions.clear();
    const events = Array.from({ length: 20 }, (_, i) => [filed(`n${i}`), assigned(`n${i}`, 'staff-1')]).flat();
    let statements = () => 0;
    await typeormTransact(ds)(async (tx) => {
      statements = countTransactionStatements(tx);
      await projection.handle(events, tx);
    });
    // one statement for the 20 cases, then the commit
    expect(statements()).toBe(2);
    expect((await db.pool.query(`select count(*)::int as n from complaint_notification_case_v1 where complaint_id like 'n%' and owner_id = 'staff-1' and version = 2`)).rows[0].n).toBe(20);
  });
});
