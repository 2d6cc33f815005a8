import 'reflect-metadata';
import { jetstream } from '@nats-io/jetstream';
import { ComplaintsRpc, memberActivatedV1, memberClosedV1 } from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import type { RpcError } from '@cs/messaging';
import { eventually, testService } from '@cs/testing';
import { complaintsConfigFromEnv } from './config/complaints.config.js';
import { createComplaintsService } from './main.js';

const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'], name: 'Li' };
const otherRegion: Actor = { id: 'agent-9', role: 'hq_cs_agent', regionIds: ['R3'] };
const staffS001: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const staffS002: Actor = { id: 'staff-2', role: 'store_staff', storeId: 'S002' };

describe('complaints service (RPC, SLA timers, member directory)', () => {
  const complaints = testService({
    service: 'complaints',
    config: () => complaintsConfigFromEnv({}),
    start: createComplaintsService,
    now: '2026-06-01T01:00:00.000Z', // a Monday, 09:00 in Shanghai
    upstream: ['members'],
  });
  const { iso, clock } = complaints;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor = agent) => complaints.call<T>(subject, payload, { actor });
  const rpcError = (p: Promise<unknown>) => p.then(() => null, (e: RpcError) => e);

  beforeAll(() => complaints.start());
  afterAll(() => complaints.stop());

  const file = (extra: Record<string, unknown> = {}, actor: Actor = agent) =>
    call(ComplaintsRpc.FileComplaint, { channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Zhao Lei', mobile: '13811112222' }, description: 'Seam split after one wash', ...extra }, actor);

  it('answers with both due instants of the chain policy and fires the breach at the exact instant, again after a restart', async () => {
    clock.set('2026-06-01T01:00:00.000Z');
    const filed = await file();
    expect(filed).toMatchObject({ firstResponseDueAt: '2026-06-02T01:00:00.000Z', resolutionDueAt: '2026-06-03T01:00:00.000Z' });
    const id = filed.id as string;
    const view = () => call(ComplaintsRpc.GetComplaint, { complaintId: id });

    clock.set('2026-06-02T00:59:59.999Z'); // 1 ms before: the warning (80 %) fired, not the breach
    await eventually(async () => expect((await view()).sla.warnings).toEqual(['first_response']));
    await new Promise((r) => setTimeout(r, 300));
    expect((await view()).sla.firstResponseBreached).toBe(false);

    clock.set('2026-06-02T01:00:00.000Z');
    await eventually(async () => expect((await view()).sla.firstResponseBreached).toBe(true));
    const history = await call(ComplaintsRpc.ComplaintHistory, { complaintId: id });
    const breach = history.items.find((i: { type: string }) => i.type === 'SlaBreached');
    expect(breach).toMatchObject({ at: '2026-06-02T01:00:00.000Z', actor: { id: 'system:sla-timer' }, data: { clock: 'first_response' } });

    // restart the service; the resolution clock is still armed in the durable schedule
    await complaints.restart();
    clock.set('2026-06-03T01:00:00.000Z');
    await eventually(async () => expect((await view()).sla.resolutionBreached).toBe(true));
    const after = await call(ComplaintsRpc.ComplaintHistory, { complaintId: id });
    expect(after.items.filter((i: { type: string }) => i.type === 'SlaBreached').map((i: { at: string }) => i.at)).toEqual([
      '2026-06-02T01:00:00.000Z',
      '2026-06-03T01:00:00.000Z',
    ]);
    await eventually(async () => {
      const listed = await call(ComplaintsRpc.ListComplaints, { breached: true });
      expect(listed.items.map((i: { id: string }) => i.id)).toContain(id);
    });
  });

  it('re-arms the resolution clock when a resolved complaint is reopened, and breaches it at its new instant', async () => {
    clock.set('2026-07-01T01:00:00.000Z');
    const { id } = await file();
    const act = (subject: string, body: Record<string, unknown>) => call(subject, { complaintId: id, ...body });
    await act(ComplaintsRpc.ClassifyComplaint, { category: 'PRODUCT_QUALITY', severity: 'P3' });
    await act(ComplaintsRpc.AssignComplaint, { assigneeId: agent.id });
    await act(ComplaintsRpc.RecordFirstResponse, { message: 'Looking into it' });
    await act(ComplaintsRpc.ProposeSolution, { description: 'Repair' });
    await act(ComplaintsRpc.AcceptSolution, { solutionNo: 1 });
    await act(ComplaintsRpc.ResolveComplaint, { outcome: 'Repaired' });

    clock.set('2026-07-05T01:00:00.000Z'); // after the original resolution due (07-03)
    await act(ComplaintsRpc.ReopenComplaint, { reason: 'The seam split again' });
    const view = await call(ComplaintsRpc.GetComplaint, { complaintId: id });
    expect(view.status).toBe('reopened');
    expect(view.sla).toMatchObject({ resolutionDueAt: '2026-07-07T01:00:00.000Z', resolutionBreached: false });

    clock.set('2026-07-07T01:00:00.000Z');
    await eventually(async () => expect((await call(ComplaintsRpc.GetComplaint, { complaintId: id })).sla.resolutionBreached).toBe(true));
    const history = await call(ComplaintsRpc.ComplaintHistory, { complaintId: id });
    expect(history.items.filter((i: { type: string }) => i.type === 'SlaBreached').map((i: { at: string }) => i.at)).toEqual(['2026-07-07T01:00:00.000Z']);
  });

  it('keeps how the customer agreed to a solution, and refuses an action on a complaint the caller cannot see as unknown', async () => {
    clock.set('2026-06-01T01:00:00.000Z');
    const id = (await file()).id as string;
    const act = (subject: string, body: Record<string, unknown>, actor: Actor = agent) => call(subject, { complaintId: id, ...body }, actor);
    await act(ComplaintsRpc.ClassifyComplaint, { category: 'PRODUCT_QUALITY', severity: 'P3' });
    await act(ComplaintsRpc.AssignComplaint, { assigneeId: agent.id });
    await act(ComplaintsRpc.RecordFirstResponse, { message: 'Looking into it' });
    await act(ComplaintsRpc.ProposeSolution, { description: 'Repair' });
    expect(await rpcError(act(ComplaintsRpc.AcceptSolution, { solutionNo: 1, note: 'by phone, 14:05' }, otherRegion))).toMatchObject({
      kind: 'not_found',
      code: 'COMPLAINT_NOT_FOUND',
    });
    await act(ComplaintsRpc.AcceptSolution, { solutionNo: 1, note: 'by phone, 14:05' });
    const history = await call(ComplaintsRpc.ComplaintHistory, { complaintId: id });
    expect(history.items.find((i: { type: string }) => i.type === 'SolutionAccepted').data).toMatchObject({ solutionNo: 1, note: 'by phone, 14:05' });
  });

  it('uses working days for the e-commerce policy and stops the first-response clock on a reply', async () => {
    clock.set('2026-06-05T02:00:00.000Z'); // Friday 10:00 Shanghai
    const filed = await file({ slaPolicy: 'ecommerce' });
    expect(filed.firstResponseDueAt).toBe('2026-06-07T02:00:00.000Z');
    expect(filed.resolutionDueAt).toBe('2026-06-16T02:00:00.000Z'); // 7 working days, weekends skipped
    const id = filed.id as string;
    await call(ComplaintsRpc.ClassifyComplaint, { complaintId: id, category: 'LOGISTICS', severity: 'P3' });
    await call(ComplaintsRpc.AssignComplaint, { complaintId: id, assigneeId: agent.id });
    await call(ComplaintsRpc.RecordFirstResponse, { complaintId: id, message: 'We are on it' });
    clock.set('2026-06-08T00:00:00.000Z');
    await new Promise((r) => setTimeout(r, 400));
    const v = await call(ComplaintsRpc.GetComplaint, { complaintId: id });
    expect(v.sla.firstResponseBreached).toBe(false);
    expect(v.sla.firstRespondedAt).toBe('2026-06-05T02:00:00.000Z');
  });

  it('shows the member from the directory projected from members events; duplicates and stale redeliveries change nothing', async () => {
    const memberId = 'm-directory-1';
    const envelope = (version: number, data: Record<string, unknown>, id = `evt-${version}`) => ({
      id, type: memberActivatedV1.type, version: 1, source: 'members', occurredAt: '2026-06-01T00:00:00.000Z', streamId: `member-${memberId}`, streamVersion: version, data,
    });
    const activated = { memberId, memberNo: '000777', storeId: 'S001', name: 'Zhao Lei', status: 'active', tier: 'standard', activatedAt: '2026-06-01T00:00:00.000Z' };
    const send = (e: object, msgID?: string) => jetstream(complaints.nc).publish(`${iso.subjectPrefix}${memberActivatedV1.subject}`, JSON.stringify(e), msgID ? { msgID } : undefined);
    await send(envelope(4, activated));
    await send(envelope(4, activated), 'redelivery-past-dedupe-window'); // same event id again
    await send(envelope(2, { ...activated, name: 'Stale Name' }, 'evt-older')); // older version arrives late
    await send({ ...envelope(5, { memberId, storeId: 'S001' }), id: 'evt-broken' }); // fails its contract

    const { id } = await file({ memberId, customer: undefined });
    await eventually(async () => {
      const v = await call(ComplaintsRpc.GetComplaint, { complaintId: id });
      expect(v.member).toEqual({ id: memberId, memberNo: '000777', name: 'Zhao Lei', status: 'active', tier: 'standard' });
    });
    const host = (complaints.app as any).get((await import('@cs/nest-common')).ServiceHost);
    await eventually(async () => {
      const dead = await host.pool.query("select message_id from es_dead_letters where consumer_id = 'complaints__member-directory'");
      expect(dead.rows.map((r: { message_id: string }) => r.message_id)).toEqual(['evt-broken']);
    });
    const row = await host.pool.query('select name, source_version from member_directory where member_id = $1', [memberId]);
    expect(row.rows[0]).toEqual({ name: 'Zhao Lei', source_version: 4 });
  });

  it('anonymises a member in the directory when members publishes its closure', async () => {
    const memberId = 'm-directory-closed';
    const envelope = (descriptor: { type: string; subject: string }, version: number, data: Record<string, unknown>) => ({
      id: `evt-closed-${version}`, type: descriptor.type, version: 1, source: 'members', occurredAt: '2026-06-01T00:00:00.000Z', streamId: `member-${memberId}`, streamVersion: version, data,
    });
    const send = (descriptor: { type: string; subject: string }, version: number, data: Record<string, unknown>) =>
      jetstream(complaints.nc).publish(`${iso.subjectPrefix}${descriptor.subject}`, JSON.stringify(envelope(descriptor, version, data)));
    await send(memberActivatedV1, 2, { memberId, memberNo: '000778', storeId: 'S001', name: 'Qian Yu', status: 'active', tier: 'standard', activatedAt: '2026-06-01T00:00:00.000Z' });
    const { id } = await file({ memberId, customer: undefined });
    await eventually(async () => expect((await call(ComplaintsRpc.GetComplaint, { complaintId: id })).member).toMatchObject({ name: 'Qian Yu', status: 'active' }));
    await send(memberClosedV1, 5, { memberId, storeId: 'S001', status: 'closed', closedAt: '2026-06-02T00:00:00.000Z' });
    await eventually(async () =>
      expect((await call(ComplaintsRpc.GetComplaint, { complaintId: id })).member).toEqual({ id: memberId, memberNo: '000778', name: '(closed)', status: 'closed', tier: 'standard' }),
    );
  });

  it('links a repeat complaint by the same member and category and raises its severity', async () => {
    clock.set('2026-06-10T01:00:00.000Z');
    const first = await file({ memberId: 'm-repeat', customer: undefined, category: 'PRODUCT_QUALITY' });
    await eventually(async () => expect((await call(ComplaintsRpc.ListComplaints, { memberId: 'm-repeat' })).items).toHaveLength(1));
    clock.advance(3 * 86_400_000);
    const second = await file({ memberId: 'm-repeat', customer: undefined, category: 'PRODUCT_QUALITY' });
    expect(second.repeatOfComplaintId).toBe(first.id);
    expect(second.severity).toBe('P2');
  });

  it('lists nothing, rather than failing, for callers who may see no store', async () => {
    expect(await call(ComplaintsRpc.ListComplaints, {}, { id: 'w', role: 'warehouse' })).toEqual({ items: [], nextCursor: null });
    expect(await call(ComplaintsRpc.ListComplaints, {}, { id: 'a', role: 'hq_cs_agent', regionIds: [] })).toEqual({ items: [], nextCursor: null });
  });

  it('keeps complaints within store and region scope, and refuses out-of-order actions', async () => {
    const { id } = await file({ source: 'store' }, staffS001);
    expect((await rpcError(call(ComplaintsRpc.GetComplaint, { complaintId: id }, staffS002)))?.kind).toBe('not_found');
    expect((await rpcError(call(ComplaintsRpc.GetComplaint, { complaintId: id }, otherRegion)))?.kind).toBe('not_found');
    expect((await rpcError(call(ComplaintsRpc.ClassifyComplaint, { complaintId: id, category: 'LOGISTICS', severity: 'P3' }, staffS002)))?.kind).toBe('not_found');
    expect((await rpcError(file({}, staffS002)))?.kind).toBe('forbidden');
    expect((await rpcError(call(ComplaintsRpc.ResolveComplaint, { complaintId: id, outcome: 'done' }, staffS001)))?.kind).toBe('conflict');
    // the filer owns the case (首问制) and so sees the contact; a colleague of the same store sees it masked
    const v = await call(ComplaintsRpc.GetComplaint, { complaintId: id }, { id: 'staff-3', role: 'store_staff', storeId: 'S001' });
    expect(v.customer.mobile).toBe('138****2222');
    expect((await call(ComplaintsRpc.GetComplaint, { complaintId: id }, staffS001)).assigneeId).toBe(staffS001.id);
  });
});
