import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ComplaintsRpc } from '@cs/contracts';
import { handleCommand, PostgresEventStore, type Actor } from '@cs/eventstore';
import type { RpcError, RpcCallOptions } from '@cs/messaging';
import { countStatements, eventually, testService } from '@cs/testing';
import { ServiceHost } from '@cs/nest-common';
import { complaintsConfigFromEnv } from '../config/complaints.config.js';
import { createComplaintsService } from '../main.js';
import { FileComplaintHandler } from '../rpc/file-complaint.handler.js';
import { slaPolicyStream } from './sla-config.streams.js';

const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'], name: 'Li' };
const manager: Actor = { id: 'mgr-1', role: 'hq_cs_manager', name: 'Zhou' };
const staff: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };

const HOUR = 3_600_000;
const T0 = '2026-06-01T01:00:00.000Z'; // a Monday, 09:00 in Shanghai
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString();

describe('complaints service: SLA policies and the working calendar as events', () => {
  const complaints = testService({ service: 'complaints', config: () => complaintsConfigFromEnv({}), start: createComplaintsService, now: T0, upstream: ['members'] });
  const { clock } = complaints;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor = agent, options: RpcCallOptions = {}) =>
    complaints.call<T>(subject, payload, { actor, ...options });
  const rpcError = (p: Promise<unknown>) => p.then(() => null, (e: RpcError) => e);
  const file = (extra: Record<string, unknown> = {}) =>
    call(ComplaintsRpc.FileComplaint, { channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Zhao Lei', mobile: '13811112222' }, description: 'Seam split', ...extra });
  const view = (complaintId: string) => call(ComplaintsRpc.GetComplaint, { complaintId });
  const policies = async () => (await call<{ items: Array<Record<string, any>> }>(ComplaintsRpc.ListSlaPolicies, {})).items;
  const calendar = { timezone: 'Asia/Shanghai', weekendDays: [0, 6], holidays: [] as string[], makeUpWorkingDays: [] as string[] };

  beforeAll(() => complaints.start());
  afterAll(() => complaints.stop());

  it('lists the configured policies at version 0 before anything is defined', async () => {
    expect(await policies()).toEqual([
      { id: 'chain', version: 0, firstResponse: { hours: 24 }, resolution: { hours: 48 }, warningRatio: 0.8 },
      { id: 'ecommerce', version: 0, firstResponse: { hours: 48 }, resolution: { workingDays: 7 }, warningRatio: 0.8 },
    ]);
    expect(await call(ComplaintsRpc.GetWorkingCalendar, {})).toEqual({ id: 'default', version: 0, ...calendar });
  });

  it('keeps a complaint on the policy it was filed under; a later one gets the new policy, and each breaches at its own instant', async () => {
    clock.set(T0);
    const a = await file();
    expect(a.firstResponseDueAt).toBe(at(24));

    const defined = await call(ComplaintsRpc.DefineSlaPolicy, { policyId: 'chain', firstResponse: { hours: 12 }, resolution: { hours: 48 } }, manager);
    expect(defined).toMatchObject({ id: 'chain', version: 1, changed: true });

    const b = await file();
    expect(b.firstResponseDueAt).toBe(at(12));
    expect((await view(b.id)).sla).toMatchObject({ policyId: 'chain', policyVersion: 1, firstResponseDueAt: at(12) });
    expect((await view(a.id)).sla).toMatchObject({ policyId: 'chain', policyVersion: 0, firstResponseDueAt: at(24), resolutionDueAt: at(48) });

    clock.set(at(12));
    await eventually(async () => expect((await view(b.id)).sla.firstResponseBreached).toBe(true));
    expect((await view(a.id)).sla.firstResponseBreached).toBe(false);
    // A's breach stays armed for its own instant: the schedule, not timing luck, says so
    const pool = complaints.app.get(ServiceHost).pool;
    const armed = await pool.query("select due_at, fired_at from es_timers where timer_id = $1", [`complaint-${a.id}:sla.first_response.breach`]);
    expect(armed.rows[0]).toEqual({ due_at: new Date(at(24)), fired_at: null });

    clock.set(at(24));
    await eventually(async () => expect((await view(a.id)).sla.firstResponseBreached).toBe(true));
    const history = await call(ComplaintsRpc.ComplaintHistory, { complaintId: a.id });
    expect(history.items.filter((i: { type: string }) => i.type === 'SlaBreached').map((i: { at: string }) => i.at)).toEqual([at(24)]);

    const chain = (await policies()).find((p) => p.id === 'chain');
    expect(chain).toEqual({
      id: 'chain',
      version: 1,
      firstResponse: { hours: 12 },
      resolution: { hours: 48 },
      warningRatio: 0.8,
      definedAt: T0,
      definedBy: manager.id,
    });
  });

  it('shows a policy as it was, its history, and files complaints under a newly defined policy', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await call(ComplaintsRpc.DefineSlaPolicy, { policyId: 'store-vip', firstResponse: { hours: 4 }, resolution: { hours: 24 } }, manager);
    expect(await call(ComplaintsRpc.GetSlaPolicy, { policyId: 'store-vip' })).toMatchObject({ id: 'store-vip', version: 1, firstResponse: { hours: 4 } });
    expect((await rpcError(call(ComplaintsRpc.GetSlaPolicy, { policyId: 'store-vip', asOf: before })))?.kind).toBe('not_found');
    expect(await call(ComplaintsRpc.GetSlaPolicy, { policyId: 'ecommerce', asOf: before })).toMatchObject({ version: 0 });
    const history = await call(ComplaintsRpc.SlaPolicyHistory, { policyId: 'store-vip' });
    expect(history.items).toEqual([expect.objectContaining({ version: 1, type: 'SlaPolicyDefined', actor: expect.objectContaining({ id: manager.id }) })]);

    const filed = await file({ slaPolicy: 'store-vip' });
    expect(filed.firstResponseDueAt).toBe(new Date(Date.parse(clock.now().toISOString()) + 4 * 3_600_000).toISOString());
    expect(await rpcError(file({ slaPolicy: 'nonexistent' }))).toMatchObject({ kind: 'rule', code: 'UNKNOWN_SLA_POLICY' });
    expect(await rpcError(call(ComplaintsRpc.GetSlaPolicy, { policyId: 'Bad Id' }))).toMatchObject({ kind: 'validation' });
  });

  it('answers an identical definition with the same version, honours If-Match and replays an Idempotency-Key', async () => {
    const body = { policyId: 'chain', firstResponse: { hours: 12 }, resolution: { hours: 48 }, warningRatio: 0.8 };
    expect(await call(ComplaintsRpc.DefineSlaPolicy, body, manager)).toMatchObject({ id: 'chain', version: 1, changed: false });

    const stale = await rpcError(call(ComplaintsRpc.DefineSlaPolicy, { ...body, firstResponse: { hours: 10 } }, manager, { expectedVersion: 0 }));
    expect(stale).toMatchObject({ kind: 'precondition', code: 'WRONG_EXPECTED_VERSION' });

    const once = { idempotencyKey: 'vip-1' };
    const vip = { policyId: 'vip', firstResponse: { hours: 2 }, resolution: { workingDays: 3 }, warningRatio: 0.5 };
    expect(await call(ComplaintsRpc.DefineSlaPolicy, vip, manager, once)).toMatchObject({ id: 'vip', version: 1 });
    expect(await call(ComplaintsRpc.DefineSlaPolicy, vip, manager, once)).toMatchObject({ id: 'vip', version: 1, replayed: true });
    expect((await policies()).map((p) => [p.id, p.version])).toEqual([
      ['chain', 1],
      ['ecommerce', 0],
      ['store-vip', 1],
      ['vip', 1],
    ]);
  });

  it('moves the resolution due date of an e-commerce complaint filed after a holiday is added, not of one filed before', async () => {
    clock.set('2026-06-05T02:00:00.000Z'); // Friday 10:00 Shanghai
    const before = await file({ slaPolicy: 'ecommerce' });
    expect(before.resolutionDueAt).toBe('2026-06-16T02:00:00.000Z'); // 7 working days

    const defined = await call(ComplaintsRpc.DefineWorkingCalendar, { ...calendar, holidays: ['2026-06-10'] }, manager, { expectedVersion: 0 });
    expect(defined).toMatchObject({ id: 'default', version: 1 });
    expect(await call(ComplaintsRpc.GetWorkingCalendar, {})).toEqual({
      id: 'default',
      version: 1,
      ...calendar,
      holidays: ['2026-06-10'],
      definedAt: '2026-06-05T02:00:00.000Z',
      definedBy: manager.id,
    });

    const after = await file({ slaPolicy: 'ecommerce' });
    expect(after.resolutionDueAt).toBe('2026-06-17T02:00:00.000Z'); // the holiday is skipped
    expect((await view(before.id)).sla.resolutionDueAt).toBe('2026-06-16T02:00:00.000Z');
  });

  it('refuses callers who are not HQ managers or admins as forbidden, and changes nothing', async () => {
    for (const actor of [agent, staff]) {
      const policy = await rpcError(call(ComplaintsRpc.DefineSlaPolicy, { policyId: 'chain', firstResponse: { hours: 1 }, resolution: { hours: 2 } }, actor));
      expect(policy).toMatchObject({ kind: 'forbidden', code: 'SLA_CONFIG_FORBIDDEN' });
      const cal = await rpcError(call(ComplaintsRpc.DefineWorkingCalendar, calendar, actor));
      expect(cal).toMatchObject({ kind: 'forbidden', code: 'SLA_CONFIG_FORBIDDEN' });
    }
    expect((await policies()).find((p) => p.id === 'chain')).toMatchObject({ version: 1, firstResponse: { hours: 12 } });
    expect(await call(ComplaintsRpc.GetWorkingCalendar, {})).toMatchObject({ version: 1 });
  });

  it('refuses invalid bodies as validation errors naming the field', async () => {
    const policy = { policyId: 'chain', firstResponse: { hours: 12 }, resolution: { hours: 48 } };
    const cases: Array<[string, string, Record<string, unknown>]> = [
      [ComplaintsRpc.DefineSlaPolicy, 'firstResponse.hours', { ...policy, firstResponse: { hours: 0 } }],
      [ComplaintsRpc.DefineSlaPolicy, 'firstResponse.hours', { ...policy, firstResponse: { hours: 24 * 60 + 1 } }],
      [ComplaintsRpc.DefineSlaPolicy, 'firstResponse', { policyId: 'chain', resolution: { hours: 48 } }],
      [ComplaintsRpc.DefineSlaPolicy, 'resolution.workingDays', { ...policy, resolution: { workingDays: 61 } }],
      [ComplaintsRpc.DefineSlaPolicy, 'resolution.workingDays', { ...policy, resolution: { hours: 48, workingDays: 5 } }],
      [ComplaintsRpc.DefineSlaPolicy, 'warningRatio', { ...policy, warningRatio: 1 }],
      [ComplaintsRpc.DefineSlaPolicy, 'policyId', { ...policy, policyId: 'Not An Id' }],
      [ComplaintsRpc.DefineWorkingCalendar, 'timezone', { ...calendar, timezone: 'Mars/Olympus' }],
      [ComplaintsRpc.DefineWorkingCalendar, 'weekendDays', { ...calendar, weekendDays: [7] }],
      [ComplaintsRpc.DefineWorkingCalendar, 'holidays', { ...calendar, holidays: ['2026-02-30'] }],
      [ComplaintsRpc.DefineWorkingCalendar, 'makeUpWorkingDays', { ...calendar, makeUpWorkingDays: ['next saturday'] }],
    ];
    for (const [subject, field, payload] of cases) {
      const error = await rpcError(call(subject, payload, manager));
      expect({ field, kind: error?.kind, fields: error?.errors?.map((e) => e.field) }).toEqual({ field, kind: 'validation', fields: expect.arrayContaining([field]) });
    }
    const resolution = await rpcError(call(ComplaintsRpc.DefineSlaPolicy, { ...policy, resolution: {} }, manager));
    expect(new Set(resolution?.errors?.map((e) => e.field))).toEqual(new Set(['resolution.hours', 'resolution.workingDays']));
  });

  it('refuses a date that is both a holiday and a make-up day as a rule', async () => {
    const error = await rpcError(call(ComplaintsRpc.DefineWorkingCalendar, { ...calendar, holidays: ['2026-10-01'], makeUpWorkingDays: ['2026-10-01'] }, manager));
    expect(error).toMatchObject({ kind: 'rule', code: 'HOLIDAY_IS_MAKE_UP_DAY' });
  });

  it('files a complaint in two statements while its policy and calendar are unchanged, and uses a definition made by another replica for the next one', async () => {
    clock.set(T0);
    const host = complaints.app.get(ServiceHost);
    const filing = complaints.app.get(FileComplaintHandler);
    // the statements sent while this process files, not those of its background processors
    const filingNow = new AsyncLocalStorage<boolean>();
    const counter = countStatements(host.pool, () => filingNow.getStore() === true);
    const filed = async () => {
      const before = counter.statements();
      const ctx = { subject: ComplaintsRpc.FileComplaint, correlationId: `cost-${before}`, actor: agent };
      const reply = await filingNow.run(true, () =>
        filing.file({ channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Zhao Lei', mobile: '13811112222' }, description: 'Seam split' }, ctx),
      );
      return { reply, statements: counter.statements() - before };
    };

    try {
      const first = await filed();
      expect(first.reply).toMatchObject({ firstResponseDueAt: at(12) }); // chain at version 1, from the test above
      expect((await filed()).statements).toBe(2); // the command's read (with the policy and calendar versions) and its append

      // another replica redefines the policy: nothing tells this process but the stream's version
      const replica = new PostgresEventStore(host.pool);
      await handleCommand(replica, slaPolicyStream.spec('chain'), {
        type: 'DefineSlaPolicy', policyId: 'chain', firstResponse: { hours: 6 }, resolution: { hours: 48 }, now: T0, actor: manager,
      });
      const changed = await filed();
      expect(changed.reply).toMatchObject({ firstResponseDueAt: at(6) });
      expect(changed.statements).toBe(3); // the policy and calendar read again, once
      expect((await view(changed.reply.id)).sla).toMatchObject({ policyId: 'chain', policyVersion: 2 });
      const next = await filed();
      expect(next).toMatchObject({ statements: 2, reply: { firstResponseDueAt: at(6) } });
      expect(next.reply.complaintNo).not.toBe(changed.reply.complaintNo);
    } finally {
      counter.restore();
    }
  });
});
