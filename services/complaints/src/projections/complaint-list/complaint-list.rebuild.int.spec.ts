import { EVENT_STORE_SCHEMA_SQL, PostgresEventStore, ProcessorRunner, rebuildProjection, type Projection } from '@cs/eventstore';
import { openDataSource, typeormTransact, type OrmTx } from '@cs/nest-common';
import { createTestDatabase, eventually, untilEarlierTransactionsEnd, type TestDatabase } from '@cs/testing';
import type { DataSource } from 'typeorm';
import { ComplaintReadModels1735689600100 } from '../../migrations/1735689600100-complaint-read-models.js';
import { ComplaintTeamReadModels1735689600200 } from '../../migrations/1735689600200-complaint-team-read-models.js';
import { ComplaintListRow } from './complaint-list.entity.js';
import { complaintListProjection } from './complaint-list.projection.js';

const filed = (id: string) => ({
  type: 'ComplaintFiled',
  data: {
    complaintId: id,
    complaintNo: `TS-${id}`,
    storeId: 'S001',
    regionId: 'R1',
    channel: 'phone',
    source: 'hq',
    severity: 'P3',
    escalationLevel: 'L1',
    receivedAt: '2026-06-01T01:00:00.000Z',
    firstResponseDueAt: '2026-06-02T01:00:00.000Z',
    resolutionDueAt: '2026-06-03T01:00:00.000Z',
    slaPolicyId: 'chain',
  },
});

describe('complaint list rebuild into shadow tables (TypeORM entities follow the search_path)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('clrebuild');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
    ds = await openDataSource({ url: db.url, entities: [ComplaintListRow], migrations: [ComplaintReadModels1735689600100, ComplaintTeamReadModels1735689600200], poolSize: 3 });
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  const list = async () => (await db.pool.query('select complaint_id, severity, assignee_id from complaint_list_v1 order by 1')).rows;
  const indexes = async () => (await db.pool.query(`select indexname from pg_indexes where tablename = 'complaint_list_v1' order by 1`)).rows.map((r) => r.indexname);

  it('rebuilds the list through its TypeORM repository, with events appended meanwhile, and keeps the migrations\' index names', async () => {
    for (const id of ['c1', 'c2', 'c3']) await store.appendToStream(`complaint-${id}`, 'complaint', [filed(id)], { expectedVersion: 'no_stream' });
    await store.appendToStream('complaint-c1', 'complaint', [{ type: 'ComplaintClassified', data: { category: 'PRODUCT_QUALITY', severity: 'P2' } }], { expectedVersion: 1 });
    const live = new ProcessorRunner(store, typeormTransact(ds), complaintListProjection);
    await eventually(async () => {
      await live.catchUp();
      expect(await list()).toHaveLength(3);
    });
    const names = await indexes();
    await db.pool.query(`update complaint_list_v1 set severity = 'XX'`); // the old rows, told apart from the rebuilt ones

    let batches = 0;
    const watched: Projection<OrmTx> = {
      ...complaintListProjection,
      async handle(events, tx) {
        // before this batch writes (no transaction id yet): the append below becomes readable once
        // every older transaction of the shared server has ended
        if (++batches === 2) await untilEarlierTransactionsEnd(db.pool);
        await complaintListProjection.handle(events, tx);
        if (batches === 1) {
          await store.appendToStream('complaint-c2', 'complaint', [{ type: 'ComplaintAssigned', data: { assigneeId: 'agent-7', assigneeName: 'Wang' } }], { expectedVersion: 1 });
        }
        // the repository wrote the shadow copy: the live rows are untouched until the swap
        expect((await db.pool.query(`select distinct severity from complaint_list_v1`)).rows).toEqual([{ severity: 'XX' }]);
      },
    };
    await rebuildProjection(store, typeormTransact(ds), watched, { batchSize: 1 });

    expect(batches).toBeGreaterThan(3);
    expect(await list()).toEqual([
      { complaint_id: 'c1', severity: 'P2', assignee_id: null },
      { complaint_id: 'c2', severity: 'P3', assignee_id: 'agent-7' },
      { complaint_id: 'c3', severity: 'P3', assignee_id: null },
    ]);
    expect(await indexes()).toEqual(names);
    expect(await ds.getRepository(ComplaintListRow).countBy({ storeId: 'S001' })).toBe(3);
  });
});
