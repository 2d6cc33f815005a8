import 'reflect-metadata';
import { ComplaintsRpc, ComplaintsTeamRpc } from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import type { RpcError } from '@cs/messaging';
import { eventually, testService } from '@cs/testing';
import { complaintsConfigFromEnv } from '../config/complaints.config.js';
import { complaintsTeamConfigFromEnv } from '../config/team.config.js';
import { createComplaintsService } from '../main.js';

const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'], name: 'Li' };
const hqManager: Actor = { id: 'hq-mgr', role: 'hq_cs_manager' };
const roster = { storeManagers: { S001: { id: 'mgr-s1' } }, regionAgents: { R1: [{ id: 'agent-1', name: 'Li' }] }, hqManagers: [{ id: 'hq-mgr' }] };

describe('complaints team features (merge and split, promises, call-back outcomes, queues, surveys)', () => {
  const complaints = testService({
    service: 'complaints',
    config: () => ({ ...complaintsConfigFromEnv({}), team: { ...complaintsTeamConfigFromEnv({}), roster } }),
    start: createComplaintsService,
    now: '2026-06-01T01:00:00.000Z',
    upstream: ['members', 'after-sales'],
  });
  const { clock } = complaints;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor = agent) => complaints.call<T>(subject, payload, { actor });
  const rpcError = (p: Promise<unknown>) => p.then(() => null, (e: RpcError) => e);
  const file = (extra: Record<string, unknown> = {}) =>
    call(ComplaintsRpc.FileComplaint, { channel: 'phone', source: 'hq', storeId: 'S001', memberId: 'm-1', description: 'Seam split after one wash', ...extra }, hqManager);
  const view = (complaintId: string) => call(ComplaintsRpc.GetComplaint, { complaintId });
  const types = async (complaintId: string) => (await call(ComplaintsRpc.ComplaintHistory, { complaintId })).items.map((i: { type: string }) => i.type);

  beforeAll(async () => {
    await complaints.start();
    await eventually(() => call(ComplaintsTeamRpc.ListNotifications, {}));
  });
  afterAll(() => complaints.stop());

  /** Filed at HQ: routing gives it to the region's agent, who takes it in hand. */
  async function inHand(extra: Record<string, unknown> = {}): Promise<string> {
    const { id, assigneeId } = await file(extra);
    expect(assigneeId).toBe(agent.id);
    await call(ComplaintsRpc.ClassifyComplaint, { complaintId: id, category: 'PRODUCT_QUALITY', severity: 'P3' });
    await call(ComplaintsRpc.AssignComplaint, { complaintId: id, assigneeId: agent.id });
    return id;
  }

  it('merges a duplicate (its clocks stop, the case that goes on records it) and splits it apart again; splits a part out as a new case', async () => {
    clock.set('2026-06-01T01:00:00.000Z');
    const target = await inHand();
    const dup = await inHand({ description: 'Same jacket, called again' });
    await call(ComplaintsTeamRpc.MergeComplaint, { complaintId: dup, intoId: target });
    expect((await view(dup)).mergedInto).toBe(target);
    await eventually(async () => expect((await view(target)).mergedCases).toEqual([dup]));
    expect((await rpcError(call(ComplaintsRpc.ProposeSolution, { complaintId: dup, description: 'x' })))?.code).toBe('COMPLAINT_MERGED');
    await eventually(async () => {
      const queue = await call(ComplaintsTeamRpc.MyQueue, {});
      expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(dup);
    });

    clock.set('2026-06-01T05:00:00.000Z');
    await call(ComplaintsTeamRpc.SplitComplaint, { sourceComplaintId: target, complaintId: dup });
    const apart = await view(dup);
    expect(apart.mergedInto).toBeNull();
    expect(apart.sla.firstResponseDueAt).toBe('2026-06-02T05:00:00.000Z');
    await eventually(async () => expect((await view(target)).mergedCases).toEqual([]));

    const part = await call(ComplaintsTeamRpc.SplitComplaint, { sourceComplaintId: target, description: 'The rude cashier is a separate matter' });
    const created = await view(part.newComplaintId);
    expect(created).toMatchObject({ splitFromComplaintId: target, assigneeId: agent.id, description: 'The rude cashier is a separate matter' });
    expect(created.sla.firstResponseDueAt).toBe('2026-06-02T05:00:00.000Z');
    expect(await types(target)).toContain('ComplaintSplit');
  });

  it('alerts an overdue promise, refuses to close while it is open, and reopens the case when the call-back finds the customer unsatisfied', async () => {
    clock.set('2026-06-10T01:00:00.000Z');
    const id = await inHand();
    await call(ComplaintsRpc.ProposeSolution, { complaintId: id, description: 'Replace the jacket', promises: [{ what: 'New jacket delivered', dueAt: '2026-06-12T10:00:00.000Z' }] });
    await call(ComplaintsRpc.AcceptSolution, { complaintId: id, solutionNo: 1 });
    await call(ComplaintsRpc.ResolveComplaint, { complaintId: id, outcome: 'Replacement ordered' });

    clock.set('2026-06-12T10:00:00.000Z');
    await eventually(async () => {
      const mine = await call(ComplaintsTeamRpc.ListNotifications, {});
      expect(mine.items.filter((n: { kind: string; complaintId: string }) => n.kind === 'promise_overdue' && n.complaintId === id)).toHaveLength(1);
    });
    const callback = await eventually(async () => {
      const listed = await call(ComplaintsTeamRpc.ListCallbacks, { sourceRef: id });
      expect(listed.items).toHaveLength(1);
      return listed.items[0] as { id: string };
    });
    await call(ComplaintsTeamRpc.CompleteCallback, { callbackId: callback.id, satisfaction: 5, satisfied: true });
    expect((await rpcError(call(ComplaintsRpc.CloseComplaint, { complaintId: id })))?.code).toBe('COMPLAINT_PROMISE_OPEN');
    await call(ComplaintsTeamRpc.KeepPromise, { complaintId: id, promiseNo: 1, note: 'Delivered' });
    expect(await call(ComplaintsRpc.CloseComplaint, { complaintId: id })).toMatchObject({ status: 'closed' });

    // a second case: the call-back finds the customer unsatisfied
    const other = await inHand();
    await call(ComplaintsRpc.ProposeSolution, { complaintId: other, description: 'Voucher', compensation: { kind: 'voucher', amount: 5_000 } });
    await call(ComplaintsRpc.AcceptSolution, { complaintId: other, solutionNo: 1 });
    await call(ComplaintsRpc.ResolveComplaint, { complaintId: other, outcome: 'Voucher sent' });
    const second = await eventually(async () => {
      const listed = await call(ComplaintsTeamRpc.ListCallbacks, { sourceRef: other });
      expect(listed.items).toHaveLength(1);
      return listed.items[0] as { id: string };
    });
    await call(ComplaintsTeamRpc.CompleteCallback, { callbackId: second.id, satisfaction: 2, satisfied: false, note: 'Wanted a refund' });
    await eventually(async () => expect(await view(other)).toMatchObject({ status: 'reopened', reopenCount: 1 }));
    const history = await call(ComplaintsRpc.ComplaintHistory, { complaintId: other });
    expect(history.items.at(-1)).toMatchObject({ type: 'ComplaintReopened', data: { callbackId: second.id } });
  });

  it('orders the queues by due instant then severity, and gives survey results per store, agent and channel', async () => {
    clock.set('2026-06-20T01:00:00.000Z');
    const later = await inHand();
    clock.set('2026-06-19T01:00:00.000Z');
    const sooner = await inHand();
    await call(ComplaintsRpc.ClassifyComplaint, { complaintId: sooner, category: 'PRIVACY', severity: 'P1' });
    await eventually(async () => {
      const team = await call(ComplaintsTeamRpc.TeamQueue, { storeId: 'S001' });
      const ids = team.items.map((i: { id: string }) => i.id);
      expect(ids.indexOf(sooner)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    });
    // the P1 went to the HQ manager
    await eventually(async () => {
      const alerts = await call(ComplaintsTeamRpc.ListNotifications, {}, hqManager);
      expect(alerts.items.filter((n: { kind: string; complaintId: string }) => n.kind === 'p1' && n.complaintId === sooner)).toHaveLength(1);
    });

    const survey = await call(
      ComplaintsTeamRpc.CreateSurvey,
      { title: 'After your complaint', trigger: 'post_complaint', questions: [{ questionId: 'overall', text: 'How satisfied are you?', kind: 'rating', required: true }] },
      hqManager,
    );
    const respond = (body: Record<string, unknown>) => call(ComplaintsTeamRpc.RecordSurveyResponse, { surveyId: survey.id, storeId: 'S001', agentId: agent.id, ...body });
    await respond({ channel: 'sms', consent: true, answers: { overall: 5 } });
    await respond({ channel: 'sms', consent: true, answers: { overall: 2 } });
    await respond({ channel: 'phone', consent: false });
    await eventually(async () => {
      const results = await call(ComplaintsTeamRpc.SurveyResults, { surveyId: survey.id }, hqManager);
      expect(results).toMatchObject({ invited: 3, answered: 2, responseRate: 0.6667, csat: 0.5 });
      expect(results.byChannel).toMatchObject({ sms: { answered: 2, csat: 0.5 }, phone: { answered: 0, csat: null } });
      expect(results.byAgent[agent.id]).toMatchObject({ invited: 3 });
    });
  });

  it('derives the SLA policy from the store and the channel; a store role cannot choose another, an HQ role can and it is recorded', async () => {
    clock.set('2026-06-01T01:00:00.000Z'); // Monday
    const online = await file({ storeId: 'ONLINE', channel: 'web' });
    expect(online).toMatchObject({ slaPolicyId: 'ecommerce', firstResponseDueAt: '2026-06-03T01:00:00.000Z' });
    const email = await file({ storeId: 'ONLINE', channel: 'email' });
    expect(email).toMatchObject({ slaPolicyId: 'ecommerce', firstResponseDueAt: '2026-06-02T01:00:00.000Z' });
    const store: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
    const refused = await rpcError(
      call(ComplaintsRpc.FileComplaint, { channel: 'phone', source: 'store', storeId: 'S001', memberId: 'm-1', description: 'x', slaPolicy: 'ecommerce' }, store),
    );
    expect(refused).toMatchObject({ kind: 'forbidden', code: 'SLA_POLICY_NOT_YOURS' });
    const overridden = await file({ slaPolicy: 'ecommerce' });
    expect(overridden.slaPolicyId).toBe('ecommerce');
    expect((await view(overridden.id)).sla.overriddenFrom).toBe('chain');
  });
});
