import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplicationContext } from '@nestjs/common';
import { MembersRpc } from '@cs/contracts';
import { PostgresEventStore, TestClock, type Actor } from '@cs/eventstore';
import { RpcClient } from '@cs/messaging';
import { ServiceHost } from '@cs/nest-common';
import { deleteStreams, dropDatabase, eventually, isolatedServiceConfig } from '@cs/testing';
import { birthdayGreetingStreamId } from '../birthday-greeting/birthday-greeting.decider.js';
import { greetingIdFor } from '../birthday-greeting/birthday-greeting.values.js';
import { membersConfigFromEnv } from '../config/members.config.js';
import { createMembersService } from '../main.js';
import { memberStreamId } from '../member/member.decider.js';
import { birthdayGreetingStream } from '../rpc/loyalty-streams.js';
import { encryptExistingMemberEvents } from './encrypt-existing.js';

const manager: Actor = { id: 'mgr-1', role: 'hq_cs_manager' };
const at = '2026-05-11T02:00:00.000Z';

describe('sealing the member events stored before the codec (real Postgres and NATS)', () => {
  const iso = isolatedServiceConfig('members');
  const clock = new TestClock('2026-05-11T02:00:00.000Z');
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let db: pg.Pool;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor) => rpc.call<T>(subject, payload, { actor });

  beforeAll(async () => {
    app = await createMembersService({ config: { ...membersConfigFromEnv({}), ...iso }, clock, logging: false });
    nc = await connect({ servers: iso.natsUrl });
    rpc = new RpcClient(nc, { subjectPrefix: iso.subjectPrefix });
    db = new pg.Pool({ connectionString: iso.databaseUrl, max: 2 });
    db.on('error', () => undefined);
  });
  afterAll(async () => {
    await app?.close();
    await db?.end();
    await nc?.drain();
    await dropDatabase(iso.databaseUrl);
    await deleteStreams(iso.streamPrefix);
  });

  /** A member and its greeting as the service stored them before the codec: everything in clear. */
  async function writePlain(store: PostgresEventStore, memberId: string, mobile: string, closed: boolean): Promise<void> {
    const base = { memberId, storeId: 'S001' };
    await store.appendToStream(memberStreamId(memberId), 'member', [
      { type: 'MemberApplicationSubmitted', data: { ...base, name: 'Plain Wang', mobile, gender: 'female', birthDate: '1988-06-09', email: 'plain@example.com', status: 'pending_review', submittedAt: at, registeredBy: 'staff-1' } },
      { type: 'MemberApproved', data: { ...base, name: 'Plain Wang', memberNo: mobile.slice(-6), activatedAt: at, reviewedBy: 'agent-1' } },
    ], { expectedVersion: 'no_stream', metadata: { actor: manager, occurredAt: at } });
    const greetingId = greetingIdFor(memberId, 2026);
    await store.appendToStream(birthdayGreetingStreamId(greetingId), 'birthday-greeting', [
      { type: 'BirthdayGreetingPlanned', data: { greetingId, ...base, year: 2026, birthday: '2026-06-09', tier: 'standard', callOnTheDay: false, giftDueAt: '2026-06-01T16:00:00.000Z', callFrom: '2026-06-08T16:00:00.000Z', rulesRevision: 0, at, by: 'clock' } },
      { type: 'BirthdayGiftDue', data: { dueAt: '2026-06-01T16:00:00.000Z', at: '2026-06-01T16:00:00.000Z', by: 'clock' } },
    ], { expectedVersion: 'no_stream', metadata: { actor: manager, occurredAt: at } });
    if (closed) {
      await store.appendToStream(memberStreamId(memberId), 'member', [
        { type: 'MemberClosed', data: { ...base, reason: 'asked', mobile, gender: 'female', birthYearMonth: '1988-06', closedBy: 'mgr-1', closedAt: at } },
      ], { expectedVersion: 2, metadata: { actor: manager, occurredAt: at } });
    }
  }
  const eventsOf = async (memberId: string) =>
    (await db.query<{ type: string; data: Record<string, unknown> }>(
      'select event_type as type, data from es_events where stream_id in ($1, $2) order by stream_id desc, stream_version',
      [memberStreamId(memberId), birthdayGreetingStreamId(greetingIdFor(memberId, 2026))],
    )).rows;

  it('seals the personal fields with each member’s key, erases those of closed members, twice changing nothing more, and the folds still read', async () => {
    const plainStore = new PostgresEventStore(db);
    const active = randomUUID();
    const closed = randomUUID();
    await writePlain(plainStore, active, '13755500001', false);
    await writePlain(plainStore, closed, '13755500002', true);
    // once the read models have caught up, put back the greeting row and timer of a member closed
    // before closures anonymised greetings
    await eventually(async () => expect((await db.query('select birthday from birthday_greeting_v1 where member_id = $1', [closed])).rows).toEqual([{ birthday: null }]));
    await db.query("update birthday_greeting_v1 set birthday = '2026-06-09', gift_due_at = '2026-06-01T16:00:00Z' where member_id = $1", [closed]);
    await db.query("insert into es_timers (timer_id, stream_id, kind, due_at, payload) values ($1, $2, 'birthday.gift-due', '2026-06-01T16:00:00Z', '{}')", [
      `gift-${closed}`, birthdayGreetingStreamId(greetingIdFor(closed, 2026)),
    ]);

    const batches: number[] = [];
    const first = await encryptExistingMemberEvents(db, { batchSize: 3, onBatch: (c) => batches.push(c.scanned) });
    expect(first).toMatchObject({ scanned: 9, sealed: 4, erased: 5, keysCreated: 1, shredded: 1 });
    expect(batches).toEqual([3, 6, 9]);

    const stored = JSON.stringify([...(await eventsOf(active)), ...(await eventsOf(closed))]);
    expect(stored).not.toMatch(/Plain Wang|1375550000|plain@example|06-09|2026-06-01T16|2026-06-08T16/);
    const [submitted, , planned, due] = await eventsOf(active);
    for (const value of [submitted.data.name, submitted.data.mobile, submitted.data.birthDate, planned.data.birthday, planned.data.giftDueAt, due.data.at]) {
      expect(value).toMatch(/^pii:v1:s:/);
    }
    expect(submitted.data).toMatchObject({ gender: 'female', memberId: active, storeId: 'S001' });
    const closedEvents = await eventsOf(closed);
    expect(closedEvents.map((e) => e.data)).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: '[erased]', mobile: '[erased]', birthDate: '[erased]', email: '[erased]', gender: 'female' }),
      expect.objectContaining({ birthday: '[erased]', giftDueAt: '[erased]', callFrom: '[erased]' }),
      expect.objectContaining({ mobile: '[erased]', birthYearMonth: '1988-06' }),
    ]));
    expect((await db.query('select subject_id, data_key is not null as has_key, shredded_at is not null as shredded from member_data_keys order by subject_id = $1', [active])).rows).toEqual([
      { subject_id: closed, has_key: false, shredded: true },
      { subject_id: active, has_key: true, shredded: false },
    ]);
    expect((await db.query('select month, birthday, gift_due_at from birthday_greeting_v1 where member_id = $1', [closed])).rows).toEqual([{ month: '2026-06', birthday: null, gift_due_at: null }]);
    expect((await db.query('select 1 from es_timers where stream_id = $1', [birthdayGreetingStreamId(greetingIdFor(closed, 2026))])).rowCount).toBe(0);

    // idempotent: a second run finds everything sealed or erased
    const second = await encryptExistingMemberEvents(db, { batchSize: 3 });
    expect(second).toMatchObject({ scanned: 9, sealed: 0, erased: 0, keysCreated: 0, shredded: 0 });
    expect(JSON.stringify([...(await eventsOf(active)), ...(await eventsOf(closed))])).toBe(stored);

    // the folds read the active member in clear, the closed one with placeholders
    expect(await call(MembersRpc.GetMember, { memberId: active }, manager)).toMatchObject({ name: 'Plain Wang', mobile: '13755500001', birthDate: '1988-06-09' });
    const host = app.get(ServiceHost);
    expect((await birthdayGreetingStream.load(host, greetingIdFor(active, 2026))).state).toMatchObject({ birthday: '2026-06-09', giftDueAt: '2026-06-01T16:00:00.000Z' });
    expect(await call(MembersRpc.GetMember, { memberId: closed }, manager)).toMatchObject({ status: 'closed', name: '(closed)' });
    expect((await call(MembersRpc.MemberHistory, { memberId: closed }, manager)).items[0].data).toMatchObject({ name: '[erased]', mobile: '[erased]' });
  });
});
