import type { IntegrationEnvelope } from '@cs/contracts';
import { PermanentMessageError } from '@cs/messaging';
import { createTestDatabase, type TestDatabase } from '@cs/testing';
import { applyMemberEvent, applyMemberEvents } from './member-directory.consumer.js';
import { MEMBER_DIRECTORY_TABLE_SQL } from './member-directory.sql.js';
import type { OrmTx } from '../typeorm-tx.js';

/** A batch of members events, applied with one statement per round, ends as applying each in order. */
describe('member directory batches (real Postgres)', () => {
  let db: TestDatabase;
  const tx = () => ({ query: async (sql: string, params?: unknown[]) => (await db.pool.query(sql, params)).rows }) as unknown as OrmTx;
  const statements: string[] = [];
  const counting = () => ({ query: async (sql: string, params?: unknown[]) => (statements.push(sql), (await db.pool.query(sql, params)).rows) }) as unknown as OrmTx;

  beforeAll(async () => {
    db = await createTestDatabase('memberdir');
    await db.pool.query(MEMBER_DIRECTORY_TABLE_SQL);
  });
  afterAll(() => db.drop());

  const submitted = (memberId: string, version: number): IntegrationEnvelope =>
    ({ id: `${memberId}-${version}`, type: 'members.MemberApplicationSubmitted', version: 1, source: 'members', occurredAt: '', streamId: memberId, streamVersion: version, data: { memberId, storeId: 'S1', name: `Name ${memberId}`, status: 'pending_review', submittedAt: '2025-03-01T00:00:00.000Z' } }) as IntegrationEnvelope;
  const activated = (memberId: string, version: number, name = `Name ${memberId}`): IntegrationEnvelope =>
    ({ id: `${memberId}-${version}`, type: 'members.MemberActivated', version: 1, source: 'members', occurredAt: '', streamId: memberId, streamVersion: version, data: { memberId, memberNo: `N-${memberId}`, storeId: 'S1', name, status: 'active', tier: 'standard', activatedAt: '2025-03-02T06:00:00.000Z' } }) as IntegrationEnvelope;
  const rows = async (prefix: string) =>
    (await db.pool.query('select member_id, member_no, name, status, tier, source_version from member_directory where member_id like $1 order by member_id', [`${prefix}%`])).rows;

  it('ends where applying each event in order ends, with a statement per round of members', async () => {
    // b's activation then a stale redelivery of its submission; a twice; c once; an unknown type
    const events = [submitted('a-1', 1), submitted('b-1', 1), activated('b-1', 3), activated('a-1', 2), submitted('b-1', 1), submitted('c-1', 1), { ...submitted('d-1', 1), type: 'members.Unknown' }];
    for (const e of events) await applyMemberEvent({ ...e, data: { ...e.data, memberId: `x${(e.data as { memberId: string }).memberId}` } }, tx());
    await applyMemberEvents(events, counting());
    const one = (await rows('x')).map((r) => ({ ...r, member_id: r.member_id.slice(1), member_no: r.member_no && r.member_no.replace('N-x', 'N-') }));
    expect(await rows('a-')).toEqual([expect.objectContaining({ member_id: 'a-1', member_no: 'N-a-1', status: 'active', source_version: 2 })]);
    expect([...(await rows('a-')), ...(await rows('b-')), ...(await rows('c-'))]).toEqual(one);
    expect(statements).toHaveLength(3); // a, b and c; then a and b again; then b's stale redelivery
  });

  it('refuses a batch holding an event that breaks its contract, as it refuses the event alone', async () => {
    const bad = { ...activated('e-1', 2), data: { memberId: 'e-1' } } as IntegrationEnvelope;
    await expect(applyMemberEvents([submitted('f-1', 1), bad], tx())).rejects.toBeInstanceOf(PermanentMessageError);
  });
});
