import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { eventStreamName } from '@cs/messaging';
import { ComplaintsRpc, ComplaintsTeamRpc } from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import { eventually, testService } from '@cs/testing';
import { complaintsConfigFromEnv } from '../config/complaints.config.js';
import { complaintsTeamConfigFromEnv } from '../config/team.config.js';
import { createComplaintsService } from '../main.js';

const staff: Actor = { id: 'staff-1', role: 'store_staff', storeId: 'S001', name: 'Li' };
const storeManager: Actor = { id: 'mgr-s1', role: 'store_manager', storeId: 'S001' };
const hqManager: Actor = { id: 'hq-mgr', role: 'hq_cs_manager' };
const roster = { storeManagers: { S001: { id: 'mgr-s1' } }, regionAgents: { R1: [{ id: 'agent-1' }] }, hqManagers: [{ id: 'hq-mgr' }] };

/** Webhook receiver: counts deliveries per notification id. */
const deliveries = new Map<string, number>();
const hook: Server = createServer((req, res) => {
  const key = String(req.headers['idempotency-key']);
  deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
  req.resume();
  res.writeHead(204).end();
});

describe('complaints team features (notifications, call-back sources, sampling)', () => {
  const complaints = testService({
    service: 'complaints',
    config: () => {
      const base = complaintsConfigFromEnv({});
      // the webhook URL is set once the receiver listens (before start)
      return { ...base, team: { ...complaintsTeamConfigFromEnv({}), roster } };
    },
    start: createComplaintsService,
    now: '2026-06-01T01:00:00.000Z', // a Monday, 09:00 in Shanghai
    upstream: ['members', 'after-sales'],
  });
  const { iso, clock } = complaints;
  const call = <T = any>(subject: string, payload: unknown, actor: Actor = staff) => complaints.call<T>(subject, payload, { actor });
  const notifications = async (actor: Actor) => (await call<{ items: Array<{ id: string; kind: string }> }>(ComplaintsTeamRpc.ListNotifications, {}, actor)).items;
  const db = () => new pg.Client({ connectionString: iso.databaseUrl });

  beforeAll(async () => {
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    complaints.config.team!.notificationWebhookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    await complaints.start();
    // the queue-group subscriptions are asynchronous: wait until the service answers
    await eventually(() => call(ComplaintsTeamRpc.ListNotifications, {}));
  });
  afterAll(async () => {
    await complaints.stop();
    await new Promise((r) => hook.close(r));
  });

  let storeCase = '';

  it('notifies the owner and the manager once each of a warning and of a breach, through redelivery and a restart', async () => {
    clock.set('2026-06-01T01:00:00.000Z');
    const filed = await call(ComplaintsRpc.FileComplaint, {
      channel: 'store_visit',
      source: 'store',
      storeId: 'S001',
      customer: { name: 'Zhao Lei', mobile: '13811112222' },
      description: 'Seam split after one wash',
    });
    expect(filed).toMatchObject({ assigneeId: staff.id, slaPolicyId: 'chain' });
    storeCase = filed.id;

    clock.set('2026-06-01T20:12:00.000Z'); // 80 % of the 24 h first-response clock
    await eventually(async () => {
      expect((await notifications(staff)).map((n) => n.kind)).toEqual(['sla_warning']);
      expect((await notifications(storeManager)).map((n) => n.kind)).toEqual(['sla_warning']);
    });

    // the read models replay the whole log (as after a lost checkpoint) and the service restarts
    const client = db();
    await client.connect();
    await client.query(`delete from es_checkpoints where processor_id = 'projection:complaint-team:v1'`);
    await client.end();
    await complaints.restart();

    clock.set('2026-06-02T01:00:00.000Z');
    await eventually(async () => {
      expect((await notifications(staff)).map((n) => n.kind).sort()).toEqual(['sla_breach', 'sla_warning']);
      expect((await notifications(storeManager)).map((n) => n.kind).sort()).toEqual(['sla_breach', 'sla_warning']);
    });
    const ids = [...(await notifications(staff)), ...(await notifications(storeManager))].map((n) => n.id);

    // the adapters got each notification; a redelivered message (same event id, past the dedupe window) delivers nothing again
    await eventually(async () => expect(ids.every((id) => deliveries.get(id) === 1)).toBe(true));
    const copy = await (await jetstreamManager(complaints.nc)).streams.getMessage(eventStreamName('complaints', iso.streamPrefix), {
      last_by_subj: `${iso.subjectPrefix}complaints.evt.ComplaintNotificationRequested.v1`,
    });
    await jetstream(complaints.nc).publish(`${iso.subjectPrefix}complaints.evt.ComplaintNotificationRequested.v1`, copy!.data, { msgID: 'redelivered-past-window' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(ids.map((id) => deliveries.get(id))).toEqual(ids.map(() => 1));
    expect((await notifications(staff)).length).toBe(2);
  });

  it('escalates a store case whose resolution clock breached to the store manager, who now owns it (breach rule)', async () => {
    clock.set('2026-06-03T01:00:00.000Z');
    await eventually(async () => {
      const view = await call(ComplaintsRpc.GetComplaint, { complaintId: storeCase }, storeManager);
      expect(view).toMatchObject({ escalationLevel: 'store_manager', assigneeId: storeManager.id, sla: { resolutionBreached: true } });
    });
    const history = await call(ComplaintsRpc.ComplaintHistory, { complaintId: storeCase }, storeManager);
    expect(history.items.slice(-2)).toMatchObject([
      { type: 'ComplaintEscalated', actor: { id: 'system:complaint-follow-up' }, data: { fromLevel: 'store_staff', toLevel: 'store_manager' } },
      { type: 'ComplaintAssigned', data: { assigneeId: storeManager.id, previousAssigneeId: staff.id, via: 'escalation' } },
    ]);
  });

  it('creates a call-back from an after-sales event once, however often it is delivered', async () => {
    const envelope = (id: string, requestId: string, storeId: string, completedAt: string) => ({
      id,
      type: 'after-sales.AfterSalesCompleted',
      version: 1,
      source: 'after-sales',
      occurredAt: completedAt,
      streamId: `after-sales-${requestId}`,
      streamVersion: 9,
      data: { requestId, type: 'repair', storeId, memberId: `m-${requestId}`, completedAt, callbackDueAt: '2026-06-20T02:00:00.000Z', amount: 0, notifyReporter: false },
    });
    const send = (e: object, msgID: string) => jetstream(complaints.nc).publish(`${iso.subjectPrefix}after-sales.evt.AfterSalesCompleted.v1`, JSON.stringify(e), { msgID });
    await send(envelope('as-evt-1', 'R-1', 'S001', '2026-06-10T02:00:00.000Z'), 'a');
    await send(envelope('as-evt-1', 'R-1', 'S001', '2026-06-10T02:00:00.000Z'), 'b'); // the same event redelivered
    await send(envelope('as-evt-1-replay', 'R-1', 'S001', '2026-06-10T02:00:00.000Z'), 'c'); // the producer published it again
    for (let i = 2; i <= 11; i++) await send(envelope(`as-evt-${i}`, `R-${i}`, i % 2 ? 'S001' : 'S002', '2026-06-11T02:00:00.000Z'), `m-${i}`);

    await eventually(async () => {
      const listed = await call(ComplaintsTeamRpc.ListCallbacks, { kind: 'after_sales', limit: 50 }, hqManager);
      expect(listed.items).toHaveLength(11);
    });
    const r1 = await call(ComplaintsTeamRpc.ListCallbacks, { sourceRef: 'R-1' }, hqManager);
    expect(r1.items).toEqual([expect.objectContaining({ id: 'after-sales-R-1', kind: 'after_sales', dueAt: '2026-06-20T02:00:00.000Z', status: 'pending' })]);
  });

  it('creates a VIP birthday call-back from a members event, and none for a member who is not a VIP', async () => {
    const send = (id: string, data: Record<string, unknown>) =>
      jetstream(complaints.nc).publish(
        `${iso.subjectPrefix}members.evt.BirthdayGiftDue.v1`,
        JSON.stringify({ id, type: 'members.BirthdayGiftDue', version: 1, source: 'members', occurredAt: '2026-06-01T00:00:00.000Z', streamId: `member-${data['memberId']}`, streamVersion: 3, data }),
      );
    await send('bd-1', { memberId: 'vip-1', storeId: 'S001', birthday: '2026-06-17', tier: 'vip', callOnTheDay: true, dueAt: '2026-06-10T00:00:00.000+08:00' });
    await send('bd-2', { memberId: 'plain-1', storeId: 'S001', birthday: '2026-06-18', tier: 'standard', callOnTheDay: false, dueAt: '2026-06-11T00:00:00.000+08:00' });
    await eventually(async () => {
      const listed = await call(ComplaintsTeamRpc.ListCallbacks, { kind: 'birthday_greeting' }, hqManager);
      expect(listed.items).toEqual([expect.objectContaining({ id: 'birthday-vip-1-2026', sourceRef: 'vip-1', dueAt: '2026-06-17T02:00:00.000Z' })]);
    });
  });

  it('samples the same cases when the month is run twice, per store, and reports coverage', async () => {
    await eventually(async () => expect((await call(ComplaintsTeamRpc.ListCallbacks, { kind: 'after_sales', limit: 50 }, hqManager)).items.length).toBe(11));
    const first = await call(ComplaintsTeamRpc.RunCallbackSampling, { month: '2026-06' }, hqManager);
    const second = await call(ComplaintsTeamRpc.RunCallbackSampling, { month: '2026-06', rate: 0.2 }, hqManager);
    expect(first).toMatchObject({ month: '2026-06', rate: 0.2, population: 11 });
    // per store: ceil(20 % of 6) = 2 at S001, ceil(20 % of 5) = 1 at S002
    expect(first.sampled).toBe(3);
    expect(first.coverage).toBeCloseTo(3 / 11);
    expect(second.items).toEqual(first.items);
    await eventually(async () => {
      const sampled = (await call(ComplaintsTeamRpc.ListCallbacks, { limit: 100 }, hqManager)).items.filter((c: { sampled: boolean }) => c.sampled);
      expect(sampled.map((c: { sourceRef: string }) => c.sourceRef).sort()).toEqual(first.items.map((i: { caseRef: string }) => i.caseRef).sort());
    });
    const july = await call(ComplaintsTeamRpc.RunCallbackSampling, { month: '2026-07' }, hqManager);
    expect(july).toMatchObject({ population: 0, sampled: 0, coverage: 0, items: [] });
  });

  it('opens a staff complaint with both notified at once and the second call due 17:00 the next working day, and alerts the lead when it is late', async () => {
    clock.set('2026-06-05T02:00:00.000Z'); // Friday 10:00 in Shanghai
    const filed = await call(
      ComplaintsTeamRpc.FileStaffComplaint,
      { storeId: 'S001', staffId: 'staff-7', staffName: 'Wu', customer: { name: 'Qian', mobile: '13700003333' }, channel: 'phone', category: 'attitude', description: 'Rude at the till' },
      hqManager,
    );
    expect(filed).toMatchObject({ status: 'ticket_open', secondCallDueAt: '2026-06-08T09:00:00.000Z', teamLeadId: 'mgr-s1' });
    await eventually(async () => {
      expect((await notifications({ id: 'staff-7', role: 'store_staff', storeId: 'S001' })).map((n) => n.kind)).toContain('staff_complaint');
      expect((await notifications(storeManager)).map((n) => n.kind)).toContain('staff_complaint');
    });
    clock.set('2026-06-08T09:00:00.000Z');
    await eventually(async () => expect((await notifications(storeManager)).map((n) => n.kind)).toContain('second_call_overdue'));
    const one = await call(ComplaintsTeamRpc.GetStaffComplaint, { staffComplaintId: filed.id }, { id: 'staff-7', role: 'store_staff', storeId: 'S001' });
    expect(one).toMatchObject({ secondCallOverdue: true, customer: { mobile: '137****3333' } });
  });
});
