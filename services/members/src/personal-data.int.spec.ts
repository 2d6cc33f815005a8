import 'reflect-metadata';
import pg from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import type { INestApplicationContext } from '@nestjs/common';
import { MembersLoyaltyRpc, MembersProfileRpc, MembersRpc } from '@cs/contracts';
import { rebuildProjection, TestClock, type Actor } from '@cs/eventstore';
import { ServiceHost, typeormTransact } from '@cs/nest-common';
import { RpcClient } from '@cs/messaging';
import { deleteStreams, dropDatabase, eventually, isolatedServiceConfig } from '@cs/testing';
import { membersConfigFromEnv } from './config/members.config.js';
import { createMembersService } from './main.js';
import { birthdayGreetingsProjection } from './projections/birthday-greetings/birthday-greetings.projection.js';
import { memberProfileFactsProjection } from './projections/member-profile-facts/member-profile-facts.projection.js';

const staff: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'] };
const manager: Actor = { id: 'mgr-1', role: 'hq_cs_manager' };

/**
 * Everything personal the member ever gave, as it would appear in any stored text; the birthday
 * greeting's instants (gift due, call from) are added once planned: with the birth year-month
 * kept for the analyses, any of them gives the birth date back.
 */
const PERSONAL = ['Shred Zhang', '13655500001', '13655500002', 'shred@example.com', 'shred2@example.com', '7 Secret Lane', '8 Other Lane', '1985-06-09', '2026-06-09', 'bohemian'];

describe('crypto-shredding of a closed member (real Postgres and NATS)', () => {
  const iso = isolatedServiceConfig('members');
  const clock = new TestClock('2026-05-11T02:00:00.000Z');
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let db: pg.Pool;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor) => rpc.call<T>(subject, payload, { actor });

  /** The whole text of every table of the members database, by table. */
  async function storedText(): Promise<Map<string, string>> {
    const { rows: tables } = await db.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
    const texts = new Map<string, string>();
    for (const { name } of tables) {
      const { rows } = await db.query<{ text: string | null }>(`select string_agg(t::text, ' ') as text from "${name}" t`);
      texts.set(name, rows[0].text ?? '');
    }
    return texts;
  }
  const readable = (texts: Map<string, string>) =>
    [...texts].flatMap(([table, text]) => PERSONAL.filter((value) => text.includes(value)).map((value) => `${table}: ${value}`));
  const rebuild = async (processorId: string) => {
    await db.query('insert into es_rebuild_requests (processor_id) values ($1)', [processorId]);
    await eventually(async () => {
      const { rows } = await db.query('select done_at from es_rebuild_requests where processor_id = $1', [processorId]);
      expect(rows[0].done_at).not.toBeNull();
    }, 15_000, 200);
  };
  const analysis = (name: string) => call(MembersLoyaltyRpc.MemberAnalysis, { analysis: name, storeId: 'S001', from: '2026-05-01', to: '2026-05-31' }, manager);

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

  it('stores personal data sealed, and leaves none readable anywhere once the member is closed, while the analyses still count it', async () => {
    const { id } = await call(MembersRpc.SubmitApplication, {
      storeId: 'S001', name: 'Shred Zhang', mobile: '13655500001', email: 'shred@example.com', gender: 'female', birthDate: '1985-06-09',
      postalAddress: '7 Secret Lane', preferences: { styles: ['bohemian'] },
    }, staff);
    await call(MembersRpc.ReviewApplication, { memberId: id, decision: 'approve', note: 'ID seen: Shred Zhang, 7 Secret Lane' }, agent);
    await call(MembersProfileRpc.ChangeContact, { memberId: id, mobile: '13655500002', email: 'shred2@example.com', postalAddress: '8 Other Lane' }, staff);
    await eventually(() => call(MembersLoyaltyRpc.GetPoints, { memberId: id }, staff));
    await call(MembersLoyaltyRpc.RecordPurchase, { memberId: id, receiptNo: 'SH-1', storeId: 'S001', amount: 12_000, purchasedAt: clock.now().toISOString(), lines: [] }, staff);

    // the monthly run plans June's birthday greeting; the gift falls due; the desk sends the card
    await eventually(async () => expect((await db.query('select 1 from loyalty_member_profile_v1 where member_id = $1', [id])).rowCount).toBe(1));
    clock.set('2026-05-31T16:00:00.000Z'); // 1 June, local midnight: the monthly run
    const greeting = async () => (await call(MembersLoyaltyRpc.BirthdayList, { month: '2026-06', storeId: 'S001' }, agent)).items.find((i: { memberId: string }) => i.memberId === id);
    const planned = await eventually(async () => {
      const g = await greeting();
      expect(g).toMatchObject({ birthday: '2026-06-09', status: 'planned' });
      return g;
    });
    const callFrom = '2026-06-08T16:00:00.000Z'; // local midnight of the birthday
    for (const instant of [planned.giftDueAt, callFrom]) {
      PERSONAL.push(instant.slice(0, 16), (await db.query<{ text: string }>('select $1::timestamptz::text as text', [instant])).rows[0].text);
    }
    clock.set(new Date(Date.parse(planned.giftDueAt) + 90 * 60_000).toISOString());
    await eventually(async () => expect((await greeting()).status).toBe('gift_due'));
    await call(MembersLoyaltyRpc.RecordBirthdayCard, { memberId: id, year: 2026, channel: 'post' }, staff);

    // sealed at rest from the start; read back in clear while the member is active
    const events = (await db.query<{ text: string }>("select string_agg(data::text || metadata::text, ' ') as text from es_events")).rows[0].text;
    expect(PERSONAL.filter((value) => events.includes(value))).toEqual([]);
    expect(await call(MembersRpc.GetMember, { memberId: id }, manager)).toMatchObject({ name: 'Shred Zhang', mobile: '13655500002', email: 'shred2@example.com' });
    await eventually(async () => expect((await analysis('gender-age')).cells).toEqual([expect.objectContaining({ gender: 'female', ageBand: '35-44', members: 1 })]));

    await call(MembersProfileRpc.CloseMembership, { memberId: id, reason: 'Shred Zhang moved to 8 Other Lane abroad' }, manager);
    await eventually(async () => {
      const { rows } = await db.query('select name from member_list_v1 where member_id = $1', [id]);
      expect(rows[0].name).toBe('(closed)');
      const profile = await db.query('select review_status from loyalty_member_profile_v1 where member_id = $1', [id]);
      expect(profile.rows[0].review_status).toBe('closed');
    });
    expect((await db.query('select data_key, shredded_at from member_data_keys where subject_id = $1', [id])).rows[0]).toMatchObject({ data_key: null, shredded_at: expect.any(Date) });
    expect(readable(await storedText())).toEqual([]);
    const greetingRow = { month: '2026-06', birthday: null, gift_due_at: null, status: 'gift_due', card_channel: 'post' };
    await eventually(async () => {
      expect((await db.query('select month, birthday, gift_due_at, status, card_channel from birthday_greeting_v1 where member_id = $1', [id])).rows).toEqual([greetingRow]);
      expect((await db.query("select timer_id from es_timers where stream_id like 'birthday-greeting-%'")).rows).toEqual([]);
      expect(readable(await storedText())).toEqual([]);
    });
    // the month's list still counts the greeting, without the day
    expect(await greeting()).toMatchObject({ birthday: null, giftDueAt: null, status: 'gift_due' });

    // the closure is published, with ids only, for the member directories to anonymise
    await eventually(async () => {
      const msg = await (await jetstream(nc).streams.get(`${iso.streamPrefix}MEMBERS_EVT`)).getMessage({ last_by_subj: `${iso.subjectPrefix}members.evt.MemberClosed.v1` });
      expect(msg?.json<{ data: unknown }>().data).toEqual({ memberId: id, storeId: 'S001', status: 'closed', closedAt: clock.now().toISOString() });
    });

    // the fold and the history still work, with placeholders
    expect(await call(MembersRpc.GetMember, { memberId: id }, manager)).toMatchObject({ status: 'closed', name: '(closed)', mobile: '' });
    const history = await call(MembersRpc.MemberHistory, { memberId: id }, manager);
    expect(history.items[0].data).toMatchObject({ name: '[erased]', mobile: '[erased]', gender: 'female' });
    expect(JSON.stringify(history)).not.toMatch(/Shred Zhang|1365550000|shred@|shred2@|Secret Lane/);

    // the analyses keep counting the member, by gender and age
    expect((await analysis('gender-age')).cells).toEqual([expect.objectContaining({ gender: 'female', ageBand: '35-44', members: 1 })]);
    expect(await analysis('spending-level')).toMatchObject({ members: 1, netSpend: 12_000 });

    // rebuilds after closure read the erased events and end in the same anonymised rows
    await rebuild('projection:member-list:v1');
    // the analysis profile runs inside the combined loyalty read models: rebuilt here on its own
    const host = app.get(ServiceHost);
    expect(await rebuildProjection(host.store, typeormTransact(host.dataSource), memberProfileFactsProjection)).toBeGreaterThan(0);
    expect(await rebuildProjection(host.store, typeormTransact(host.dataSource), birthdayGreetingsProjection)).toBeGreaterThan(0);
    expect((await db.query('select month, birthday, gift_due_at, status, card_channel from birthday_greeting_v1 where member_id = $1', [id])).rows).toEqual([greetingRow]);
    expect((await db.query('select name, mobile, status from member_list_v1 where member_id = $1', [id])).rows[0]).toEqual({ name: '(closed)', mobile: '', status: 'closed' });
    expect((await db.query('select gender, birth_date, birth_year_month from loyalty_member_profile_v1 where member_id = $1', [id])).rows[0]).toEqual({
      gender: 'female', birth_date: null, birth_year_month: '1985-06',
    });
    expect(readable(await storedText())).toEqual([]);
    expect((await analysis('gender-age')).cells).toEqual([expect.objectContaining({ gender: 'female', ageBand: '35-44', members: 1 })]);
  });
});
