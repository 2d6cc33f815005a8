import 'reflect-metadata';
import pg from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplicationContext } from '@nestjs/common';
import { MembersLoyaltyRpc, MembersProfileRpc, MembersRpc } from '@cs/contracts';
import { TestClock, type Actor } from '@cs/eventstore';
import { RpcClient, type RpcError } from '@cs/messaging';
import { deleteStreams, dropDatabase, eventually, isolatedServiceConfig } from '@cs/testing';
import { membersConfigFromEnv } from './config/members.config.js';
import { createMembersService } from './main.js';

const staff: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'] };
const manager: Actor = { id: 'mgr-1', role: 'hq_cs_manager' };

describe('member profile upkeep (RPC, real Postgres and NATS)', () => {
  const iso = isolatedServiceConfig('members');
  const clock = new TestClock('2026-05-11T02:00:00.000Z');
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let db: pg.Pool;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor) => rpc.call<T>(subject, payload, { actor });
  const rejection = (p: Promise<unknown>) => p.then(() => null, (e) => e as RpcError);
  const complete = { gender: 'female', birthDate: '1990-05-17', postalAddress: '100 Nanjing Rd' };

  async function activeMember(mobile: string): Promise<string> {
    const { id } = await call(MembersRpc.SubmitApplication, { storeId: 'S001', name: 'Wang Fang', mobile, email: 'w@example.com', ...complete }, staff);
    await call(MembersRpc.ReviewApplication, { memberId: id, decision: 'approve' }, agent);
    return id;
  }

  beforeAll(async () => {
    app = await createMembersService({ config: { ...membersConfigFromEnv({}), ...iso }, clock, logging: false });
    nc = await connect({ servers: iso.natsUrl });
    rpc = new RpcClient(nc, { subjectPrefix: iso.subjectPrefix });
    db = new pg.Pool({ connectionString: iso.databaseUrl, max: 1 });
    db.on('error', () => undefined);
  });
  afterAll(async () => {
    await app?.close();
    await db?.end();
    await nc?.drain();
    await dropDatabase(iso.databaseUrl);
    await deleteStreams(iso.streamPrefix);
  });

  it('changes the mobile of an active member, freeing the old number and keeping the new one unique', async () => {
    const a = await activeMember('13600000001');
    const b = await activeMember('13600000002');
    expect(await call(MembersProfileRpc.ChangeContact, { memberId: a, mobile: '13600000003', postalAddress: '9 Huaihai Rd' }, staff)).toMatchObject({ version: 3 });
    expect(await call(MembersRpc.GetMember, { memberId: a }, manager)).toMatchObject({ mobile: '13600000003', postalAddress: '9 Huaihai Rd' });
    expect(await rejection(call(MembersProfileRpc.ChangeContact, { memberId: b, mobile: '13600000003' }, staff))).toMatchObject({ kind: 'conflict', code: 'MOBILE_ALREADY_REGISTERED' });
    // the old number is free again
    expect((await call(MembersRpc.SubmitApplication, { storeId: 'S001', name: 'Li Lei', mobile: '13600000001' }, staff)).id).toBeDefined();
    await eventually(async () => {
      const listed = await call(MembersRpc.ListMembers, { q: 'Wang' }, manager);
      expect(listed.items.find((m: { id: string }) => m.id === a)?.mobile).toBe('13600000003');
    });
    expect(await rejection(call(MembersProfileRpc.ChangeContact, { memberId: a, mobile: '123' }, staff))).toMatchObject({ kind: 'validation' });
  });

  it('updates preferences and consent of an active member only, and records identity checks', async () => {
    const a = await activeMember('13600000011');
    await call(MembersProfileRpc.UpdatePreferences, { memberId: a, preferences: { sizes: ['L'] } }, staff);
    await call(MembersProfileRpc.UpdateConsent, { memberId: a, marketingConsent: { sms: false } }, staff);
    await call(MembersProfileRpc.RecordIdentityCheck, { memberId: a, method: 'sms_code', passed: true, caseRef: 'C-1' }, agent);
    const view = await call(MembersRpc.GetMember, { memberId: a }, manager);
    expect(view).toMatchObject({ preferences: { sizes: ['L'] }, marketingConsent: { sms: false } });
    const history = await call(MembersRpc.MemberHistory, { memberId: a }, agent);
    expect(history.items.map((i: { type: string }) => i.type)).toEqual([
      'MemberApplicationSubmitted',
      'MemberApproved',
      'MemberPreferencesUpdated',
      'MemberConsentUpdated',
      'MemberIdentityChecked',
    ]);
    const { id: pending } = await call(MembersRpc.SubmitApplication, { storeId: 'S001', name: 'Zhou', mobile: '13600000012' }, staff);
    expect(await rejection(call(MembersProfileRpc.UpdatePreferences, { memberId: pending, preferences: { sizes: ['M'] } }, staff))).toMatchObject({ kind: 'conflict' });
    const otherStore: Actor = { id: 'staff-3', role: 'store_staff', storeId: 'S003' };
    expect(await rejection(call(MembersProfileRpc.UpdateConsent, { memberId: a, marketingConsent: { post: true } }, otherStore))).toMatchObject({ kind: 'not_found' });
  });

  it('audit-logs every full-profile read with the identity check and case it followed, and no masked read', async () => {
    const a = await activeMember('13600000031');
    await call(MembersRpc.GetMember, { memberId: a }, staff);
    await call(MembersProfileRpc.RecordIdentityCheck, { memberId: a, method: 'member_no_and_birth_date', passed: true, caseRef: 'C-77' }, agent);
    await call(MembersRpc.GetMember, { memberId: a }, manager);
    const { rows } = await db.query('select actor_id, actor_role, identity_checked_at, case_ref from member_profile_reads where member_id = $1', [a]);
    expect(rows).toEqual([{ actor_id: 'mgr-1', actor_role: 'hq_cs_manager', identity_checked_at: clock.now(), case_ref: 'C-77' }]);
  });

  it('shows the phone desk an active member only within the window of a passed identity check (R103)', async () => {
    const a = await activeMember('13600000041');
    const refused = { kind: 'forbidden', code: 'MEMBER_IDENTITY_CHECK_REQUIRED', details: { memberId: a, windowMinutes: 30 } };
    expect(await rejection(call(MembersRpc.GetMember, { memberId: a }, agent))).toMatchObject(refused);
    await call(MembersProfileRpc.RecordIdentityCheck, { memberId: a, method: 'sms_code', passed: false, caseRef: 'C-8' }, agent);
    expect(await rejection(call(MembersRpc.GetMember, { memberId: a }, agent))).toMatchObject(refused);
    await call(MembersProfileRpc.RecordIdentityCheck, { memberId: a, method: 'sms_code', passed: true, caseRef: 'C-8' }, agent);
    expect(await call(MembersRpc.GetMember, { memberId: a }, agent)).toMatchObject({ id: a, email: 'w@example.com' });
    const { rows } = await db.query('select actor_id, case_ref from member_profile_reads where member_id = $1', [a]);
    expect(rows).toEqual([{ actor_id: 'agent-1', case_ref: 'C-8' }]);
    clock.advance(31 * 60_000);
    expect(await rejection(call(MembersRpc.GetMember, { memberId: a }, agent))).toMatchObject(refused);
    // other desks are not gated
    expect(await call(MembersRpc.GetMember, { memberId: a }, manager)).toMatchObject({ id: a });
  });

  it('gates the history and past reads of an active member the same way, and audit-logs them (R103)', async () => {
    // `asOf` reads the log by the instant each event was recorded (the database's clock)
    const recordedNow = async () => (await db.query<{ now: Date }>('select now()')).rows[0].now.toISOString();
    const a = await activeMember('13600000051');
    const before = await recordedNow();
    // a check that passed back then does not open the record now, not even as it was then
    await call(MembersProfileRpc.RecordIdentityCheck, { memberId: a, method: 'sms_code', passed: true, caseRef: 'C-old' }, agent);
    const checkedThen = await recordedNow();
    clock.advance(31 * 60_000);
    const refused = { kind: 'forbidden', code: 'MEMBER_IDENTITY_CHECK_REQUIRED', details: { memberId: a, windowMinutes: 30 } };
    expect(await rejection(call(MembersRpc.MemberHistory, { memberId: a }, agent))).toMatchObject(refused);
    expect(await rejection(call(MembersRpc.GetMember, { memberId: a, asOf: checkedThen }, agent))).toMatchObject(refused);
    expect(await rejection(call(MembersRpc.GetMember, { memberId: a, asOf: before }, agent))).toMatchObject(refused);
    expect((await db.query('select 1 from member_profile_reads where member_id = $1', [a])).rowCount).toBe(0);

    await call(MembersProfileRpc.RecordIdentityCheck, { memberId: a, method: 'sms_code', passed: true, caseRef: 'C-9' }, agent);
    expect((await call(MembersRpc.MemberHistory, { memberId: a }, agent)).items[0].data).toMatchObject({ name: 'Wang Fang', email: 'w@example.com' });
    expect(await call(MembersRpc.GetMember, { memberId: a, asOf: checkedThen }, agent)).toMatchObject({ id: a, email: 'w@example.com' });
    const { rows } = await db.query('select actor_id, case_ref from member_profile_reads where member_id = $1 order by read_id', [a]);
    expect(rows).toEqual([{ actor_id: 'agent-1', case_ref: 'C-9' }, { actor_id: 'agent-1', case_ref: 'C-9' }]);
  });

  it('closes a membership: personal data gone from the record, the number freed, the points ledger closed', async () => {
    const a = await activeMember('13600000021');
    await eventually(() => call(MembersLoyaltyRpc.GetPoints, { memberId: a }, staff));
    await call(MembersLoyaltyRpc.RecordPurchase, { memberId: a, receiptNo: 'CL-1', storeId: 'S001', amount: 5_000, purchasedAt: clock.now().toISOString(), lines: [] }, staff);
    expect(await call(MembersProfileRpc.CloseMembership, { memberId: a, reason: 'member asked' }, manager)).toMatchObject({ status: 'closed' });
    const view = await call(MembersRpc.GetMember, { memberId: a }, manager);
    expect(view).toMatchObject({ status: 'closed', name: '(closed)', mobile: '' });
    expect(JSON.stringify(view)).not.toMatch(/13600000021|Nanjing|w@example.com|1990-05-17/);
    await eventually(async () => expect(await call(MembersLoyaltyRpc.GetPoints, { memberId: a }, staff)).toMatchObject({ status: 'closed', pending: 0 }));
    expect((await call(MembersRpc.SubmitApplication, { storeId: 'S001', name: 'New', mobile: '13600000021' }, staff)).id).not.toBe(a);
    expect(await rejection(call(MembersProfileRpc.ChangeContact, { memberId: a, email: 'x@example.com' }, manager))).toMatchObject({ kind: 'conflict' });
  });
});
