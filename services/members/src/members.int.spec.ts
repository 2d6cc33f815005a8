import 'reflect-metadata';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { MembersProfileRpc, MembersRpc } from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import { RpcError } from '@cs/messaging';
import { eventually, testService } from '@cs/testing';
import { membersConfigFromEnv } from './config/members.config.js';
import { createMembersService } from './main.js';

const staffS001: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001', name: 'Zhang' };
const staffS003: Actor = { id: 'staff-3', role: 'store_staff', storeId: 'S003' };
const agentR1: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'] };
const agentR2: Actor = { id: 'agent-2', role: 'hq_cs_agent', regionIds: ['R2'] };
const manager: Actor = { id: 'mgr-1', role: 'hq_cs_manager' };

describe('members service (RPC over NATS, real Postgres)', () => {
  const members = testService({ service: 'members', config: () => membersConfigFromEnv({}), start: createMembersService, now: '2026-05-11T02:00:00Z' });
  const { iso, clock } = members;

  const call = <T = any>(subject: string, payload: unknown, actor: Actor, extra: { idempotencyKey?: string; expectedVersion?: number } = {}) =>
    members.call<T>(subject, payload, { actor, ...extra });
  const expectRpcError = async (p: Promise<unknown>, kind: string, code?: string) => {
    const error = await p.then(() => null, (e) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error.kind).toBe(kind);
    if (code) expect(error.code).toBe(code);
    return error as RpcError;
  };
  const application = (mobile: string, extra: Record<string, unknown> = {}) => ({ storeId: 'S001', name: 'Wang Fang', mobile, ...extra });

  beforeAll(() => members.start());
  afterAll(() => members.stop());

  it('runs registration → supplement request → supplement → approval, and publishes the activation', async () => {
    const submitted = await call(MembersRpc.SubmitApplication, application('13900000001', { gender: 'female' }), staffS001);
    expect(submitted).toMatchObject({ version: 1, status: 'pending_review' });
    const id = submitted.id as string;

    const incomplete = await expectRpcError(
      call(MembersRpc.ReviewApplication, { memberId: id, decision: 'approve' }, agentR1),
      'rule',
      'MEMBER_INCOMPLETE',
    );
    expect(incomplete.details).toMatchObject({ missingFields: ['birthDate', 'postalAddress'] });

    const requested = await call(
      MembersRpc.ReviewApplication,
      { memberId: id, decision: 'request_supplement', missingFields: ['birthDate', 'postalAddress'], note: 'please complete' },
      agentR1,
    );
    expect(requested).toMatchObject({ version: 2, status: 'needs_supplement' });
    await call(MembersRpc.SupplementApplication, { memberId: id, birthDate: '1990-05-17', postalAddress: '100 Nanjing Rd' }, staffS001);
    const approved = await call(MembersRpc.ReviewApplication, { memberId: id, decision: 'approve' }, agentR1);
    expect(approved).toMatchObject({ version: 4, status: 'active' });
    expect(approved.memberNo).toMatch(/^\d{6}$/);

    const view = await call(MembersRpc.GetMember, { memberId: id }, staffS001);
    expect(view).toMatchObject({ status: 'active', mobile: '139****0001', memberNo: approved.memberNo, version: 4 });
    expect((await call(MembersRpc.GetMember, { memberId: id }, manager)).mobile).toBe('13900000001');

    // the phone desk reads an active member's history after a passed identity check (R103)
    await call(MembersProfileRpc.RecordIdentityCheck, { memberId: id, method: 'sms_code', passed: true }, agentR1);
    const history = await call(MembersRpc.MemberHistory, { memberId: id }, agentR1);
    expect(history.items.map((i: { type: string }) => i.type)).toEqual([
      'MemberApplicationSubmitted',
      'MemberSupplementRequested',
      'MemberApplicationSupplemented',
      'MemberApproved',
      'MemberIdentityChecked',
    ]);
    expect(history.items[0]).toMatchObject({ actor: { id: 'staff-1', role: 'store_staff' } });
    expect(history.items[0].data.mobile).toBe('139****0001');

    // the relay publishes the public contract, without the mobile number
    const js = jetstream(members.nc);
    const jsm = await jetstreamManager(members.nc);
    const stream = `${iso.streamPrefix}MEMBERS_EVT`;
    await eventually(async () => expect((await jsm.streams.info(stream)).state.messages).toBeGreaterThanOrEqual(4));
    const msg = await js.streams.get(stream).then((s) => s.getMessage({ last_by_subj: `${iso.subjectPrefix}members.evt.MemberActivated.v1` }));
    const envelope = msg!.json<{ id: string; data: Record<string, unknown> }>();
    expect(envelope.data).toMatchObject({ memberId: id, memberNo: approved.memberNo, name: 'Wang Fang', status: 'active' });
    expect(JSON.stringify(envelope)).not.toContain('13900000001');
  });

  it('refuses a mobile number that already belongs to a member, naming that member', async () => {
    const first = await call(MembersRpc.SubmitApplication, application('13900000002'), staffS001);
    const error = await expectRpcError(call(MembersRpc.SubmitApplication, application('13900000002', { name: 'Other' }), staffS001), 'conflict', 'MOBILE_ALREADY_REGISTERED');
    expect(error.details).toMatchObject({ memberId: first.id });
    const racers = await Promise.allSettled([0, 1, 2].map(() => call(MembersRpc.SubmitApplication, application('13900000003'), staffS001)));
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('keeps members within the caller’s store or region (404 outside)', async () => {
    const { id } = await call(MembersRpc.SubmitApplication, application('13900000004'), staffS001);
    await expectRpcError(call(MembersRpc.GetMember, { memberId: id }, staffS003), 'not_found', 'MEMBER_NOT_FOUND');
    await expectRpcError(call(MembersRpc.GetMember, { memberId: id }, agentR2), 'not_found');
    await expectRpcError(call(MembersRpc.ReviewApplication, { memberId: id, decision: 'approve' }, agentR2), 'not_found');
    await expectRpcError(call(MembersRpc.SubmitApplication, application('13900000005'), staffS003), 'forbidden');
    await expectRpcError(call(MembersRpc.SubmitApplication, application('13900000006', { storeId: 'S999' }), manager), 'rule', 'UNKNOWN_STORE');
    await eventually(async () => {
      const listed = await call(MembersRpc.ListMembers, {}, staffS003);
      expect(listed.items.find((m: { id: string }) => m.id === id)).toBeUndefined();
      const mine = await call(MembersRpc.ListMembers, { storeId: 'S001' }, staffS001);
      expect(mine.items.find((m: { id: string }) => m.id === id)).toBeDefined();
    });
  });

  it('shows nothing, rather than failing, to callers who may see no store', async () => {
    for (const actor of [{ id: 'a', role: 'hq_cs_agent', regionIds: [] }, { id: 'w', role: 'warehouse' }, { id: 's', role: 'store_staff', storeId: 'S999' }]) {
      expect(await call(MembersRpc.ListMembers, {}, actor)).toEqual({ items: [], nextCursor: null });
      expect(await call(MembersRpc.ReviewQueue, {}, actor)).toEqual({ items: [], nextCursor: null });
    }
  });

  it('lists the day’s entries awaiting review, oldest first, page by page', async () => {
    clock.set('2026-05-12T01:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      ids.push((await call(MembersRpc.SubmitApplication, application(`1370000000${i}`), staffS001)).id);
    }
    await eventually(async () => {
      const page1 = await call(MembersRpc.ReviewQueue, { date: '2026-05-12', limit: 2 }, agentR1);
      expect(page1.items.map((m: { id: string }) => m.id)).toEqual(ids.slice(0, 2));
      const page2 = await call(MembersRpc.ReviewQueue, { date: '2026-05-12', limit: 2, cursor: page1.nextCursor }, agentR1);
      expect(page2.items.map((m: { id: string }) => m.id)).toEqual(ids.slice(2));
      expect(page2.nextCursor).toBeNull();
    });
    expect((await call(MembersRpc.ReviewQueue, { date: '2026-05-12' }, agentR2)).items).toEqual([]);
  });

  it('gives one effect for a repeated idempotency key and 412-style refusal for a stale version', async () => {
    const body = application('13900000007');
    const a = await call(MembersRpc.SubmitApplication, body, staffS001, { idempotencyKey: 'key-1' });
    const b = await call(MembersRpc.SubmitApplication, body, staffS001, { idempotencyKey: 'key-1' });
    expect(b.id).toBe(a.id);
    await expectRpcError(call(MembersRpc.SubmitApplication, application('13900000008'), staffS001, { idempotencyKey: 'key-1' }), 'rule', 'IDEMPOTENCY_KEY_REUSED');
    await expectRpcError(
      call(MembersRpc.ReviewApplication, { memberId: a.id, decision: 'request_supplement', missingFields: ['gender'] }, agentR1, { expectedVersion: 7 }),
      'precondition',
      'WRONG_EXPECTED_VERSION',
    );
  });

  it('answers concurrent attempts under one idempotency key (a client retry racing the original) with the first result', async () => {
    for (let round = 0; round < 5; round++) {
      const body = application(`1390000100${round}`);
      const attempts = await Promise.allSettled(
        Array.from({ length: 6 }, () => call(MembersRpc.SubmitApplication, body, staffS001, { idempotencyKey: `race-${round}` })),
      );
      const refused = attempts.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason.code);
      expect(refused).toEqual([]);
      const ids = new Set(attempts.map((a) => (a as PromiseFulfilledResult<{ id: string }>).value.id));
      expect(ids.size).toBe(1);
    }
  });

  it('shows a member as it was at an earlier instant', async () => {
    clock.set('2026-05-13T01:00:00Z');
    const { id } = await call(MembersRpc.SubmitApplication, application('13900000009'), staffS001);
    await new Promise((r) => setTimeout(r, 30));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 30));
    await call(MembersRpc.ReviewApplication, { memberId: id, decision: 'request_supplement', missingFields: ['gender'] }, agentR1);
    expect((await call(MembersRpc.GetMember, { memberId: id, asOf: between }, agentR1)).status).toBe('pending_review');
    expect((await call(MembersRpc.GetMember, { memberId: id }, agentR1)).status).toBe('needs_supplement');
  });

  it('serves readiness and metrics for operators', async () => {
    const http = members.app as unknown as import('@nestjs/platform-fastify').NestFastifyApplication;
    const ready = await http.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, nats: { status: 'up' } } });
    expect((await http.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const metrics = (await http.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/cs_rpc_duration_seconds_count\{[^}]*subject="members\.rpc\.SubmitApplication",outcome="ok"/);
    expect(metrics).toMatch(/cs_processor_lag_events\{[^}]*processor="projection:member-list:v1"/);
    expect(metrics).toContain('cs_timers_overdue');
  });

  it('names every malformed field', async () => {
    const error = await expectRpcError(
      call(MembersRpc.SubmitApplication, { storeId: 'S001', name: '', mobile: '12345', birthDate: '1990-13-45', extra: 1 }, staffS001),
      'validation',
    );
    const fields = error.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'mobile', 'birthDate', 'extra']));
  });
});
