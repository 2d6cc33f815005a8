import pg from 'pg';
import { eventually } from '@cs/testing';
import { Platform, type Claims } from './support/platform.js';

const storeStaff: Claims = { sub: 'staff-s002', role: 'store_staff', storeId: 'S002' };
const hqAgent: Claims = { sub: 'agent-r1', role: 'hq_cs_agent', regionIds: ['R1'] };

describe('reliability, end to end', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 60_000);
  afterAll(() => platform.stop());

  it('lets exactly one of many concurrent writers with the same If-Match win; the others get 412', async () => {
    const filed = await platform.request('POST', '/v1/complaints', hqAgent, {
      channel: 'phone',
      source: 'hq',
      storeId: 'S001',
      customer: { name: 'Race', mobile: '13700009999' },
      description: 'Concurrent edits',
    });
    const id = filed.body.id;
    const attempts = await Promise.all(
      ['LOGISTICS', 'WRONG_ITEM', 'PRODUCT_QUALITY', 'PRICE_FEE', 'GIFT', 'PRIVACY'].map((category) =>
        // version 2: filed, and owned by its filer (首问制)
        platform.request('POST', `/v1/complaints/${id}/classify`, hqAgent, { category, severity: 'P3' }, { 'if-match': 'W/"2"' }),
      ),
    );
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 412)).toHaveLength(5);
    const history = await platform.request('GET', `/v1/complaints/${id}/history`, hqAgent);
    expect(history.body.items.filter((i: { type: string }) => i.type === 'ComplaintClassified')).toHaveLength(1);
  });

  it('catches up on member events published while complaints was down, without loss or duplicates', async () => {
    await platform.stopComplaints();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await platform.request('POST', '/v1/members', storeStaff, { storeId: 'S002', name: `Offline ${i}`, mobile: `1360000000${i}` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const down = await platform.request('GET', '/v1/complaints', hqAgent);
    expect(down.status).toBe(503); // no responder while complaints is down
    await platform.startComplaints();
    const db = new pg.Client({ connectionString: platform.complaintsConfig.databaseUrl });
    await db.connect();
    try {
      await eventually(async () => {
        const { rows } = await db.query('select member_id, source_version from member_directory where member_id = any($1)', [ids]);
        expect(rows.map((r) => r.member_id).sort()).toEqual([...ids].sort());
      }, 20_000);
      const inbox = await db.query("select count(*)::int as n from es_processed_messages where consumer_id = 'complaints__member-directory'");
      const distinct = await db.query("select count(distinct message_id)::int as n from es_processed_messages where consumer_id = 'complaints__member-directory'");
      expect(inbox.rows[0].n).toBe(distinct.rows[0].n);
    } finally {
      await db.end();
    }
  });
});
