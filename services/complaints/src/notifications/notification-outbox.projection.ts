import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { ComplaintEvent } from '../complaint/complaint.events.js';
import type { EscalationLevel } from '../complaint/complaint.values.js';
import type { StaffRoster } from '../routing/complaint-routing.js';
import { CALLBACK_STREAM_TYPE } from '../callback/callback.decider.js';
import type { CallbackEvent } from '../callback/callback.events.js';
import { STAFF_COMPLAINT_STREAM_TYPE } from '../staff-complaint/staff-complaint.decider.js';
import type { StaffComplaintEvent } from '../staff-complaint/staff-complaint.events.js';
import { planCallbackAlert, planNotifications, planStaffComplaint, type NotificationCase, type PlannedNotification } from './notification-plan.js';

/** The outbox row of one notification: one per (event, recipient), so redelivery and restarts repeat nothing. */
export interface OutboxNotification extends Omit<PlannedNotification, 'recipientRole' | 'kind'> {
  notificationId: string;
  recipientRole: string;
  kind: string;
  complaintId: string;
  storeId?: string;
  severity?: string;
  createdAt: string;
}

export const notificationId = (eventId: string, recipientId: string): string => `${eventId}:${recipientId}`;

interface CaseRow {
  complaint_id: string;
  complaint_no: string | null;
  store_id: string;
  region_id: string | null;
  severity: string;
  escalation_level: string;
  owner_id: string | null;
  version: number;
}

const toCase = (r: CaseRow): NotificationCase => ({
  complaintId: r.complaint_id,
  complaintNo: r.complaint_no ?? undefined,
  storeId: r.store_id,
  regionId: r.region_id ?? undefined,
  severity: r.severity as NotificationCase['severity'],
  escalationLevel: r.escalation_level as EscalationLevel,
  ownerId: r.owner_id ?? undefined,
});

/** The case as the event leaves it: what the plan reads (owner after a hand-over, level after an escalation). */
function caseAfter(c: NotificationCase, event: ComplaintEvent): NotificationCase {
  switch (event.type) {
    case 'ComplaintAssigned':
      return { ...c, ownerId: event.data.assigneeId };
    case 'ComplaintEscalated':
      return { ...c, escalationLevel: event.data.toLevel };
    case 'ComplaintClassified':
      return { ...c, severity: event.data.severity };
    case 'ComplaintRepeatDetected':
      return { ...c, severity: event.data.severityRaisedTo };
    default:
      return c;
  }
}

/** The batch's notifications in one statement; a notification already there stays as it is. */
async function insertAll(tx: OrmTx, rows: readonly OutboxNotification[]): Promise<void> {
  if (!rows.length) return;
  const column = <K extends keyof OutboxNotification>(key: K) => rows.map((n) => n[key] ?? null);
  await tx.query(
    `insert into complaint_notification_v1 (notification_id, recipient_id, recipient_role, kind, complaint_id, store_id, severity, title, body, due_at, created_at)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])
     on conflict (notification_id) do nothing`,
    [
      column('notificationId'),
      column('recipientId'),
      column('recipientRole'),
      column('kind'),
      column('complaintId'),
      column('storeId'),
      column('severity'),
      column('title'),
      column('body'),
      column('dueAt'),
      column('createdAt'),
    ],
  );
}

/**
 * The cases a batch touches, read in one statement and written back in one: a command's events
 * (filed, then classified or assigned) usually arrive together, and the case of each is then never
 * read at all. Each row only moves forward (its complaint's stream version).
 */
class CaseBatch {
  private readonly cases = new Map<string, CaseRow>();
  private readonly changed = new Set<string>();

  static async load(tx: OrmTx, events: readonly RecordedEvent[]): Promise<CaseBatch> {
    const batch = new CaseBatch();
    const filedHere = new Set(events.filter((e) => e.type === 'ComplaintFiled').map((e) => e.streamId));
    const wanted = [...new Set(events.filter((e) => e.streamType === 'complaint' && !filedHere.has(e.streamId)).map((e) => complaintIdOf(e)))];
    if (wanted.length) {
      const rows = (await tx.query('select * from complaint_notification_case_v1 where complaint_id = any($1)', [wanted])) as CaseRow[];
      for (const row of rows) batch.cases.set(row.complaint_id, row);
    }
    return batch;
  }

  /** A case opened by its filing (kept as it is when it is there already). */
  open(row: CaseRow): void {
    if (this.cases.has(row.complaint_id)) return;
    this.cases.set(row.complaint_id, row);
    this.changed.add(row.complaint_id);
  }

  get(complaintId: string): CaseRow | undefined {
    return this.cases.get(complaintId);
  }

  set(row: CaseRow): void {
    this.cases.set(row.complaint_id, row);
    this.changed.add(row.complaint_id);
  }

  async save(tx: OrmTx): Promise<void> {
    const rows = [...this.changed].map((id) => this.cases.get(id) as CaseRow);
    if (!rows.length) return;
    const column = <K extends keyof CaseRow>(key: K) => rows.map((r) => r[key]);
    await tx.query(
      `insert into complaint_notification_case_v1 (complaint_id, complaint_no, store_id, region_id, severity, escalation_level, owner_id, version)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])
       on conflict (complaint_id) do update set
         severity = excluded.severity, escalation_level = excluded.escalation_level, owner_id = excluded.owner_id, version = excluded.version
       where complaint_notification_case_v1.version < excluded.version`,
      [column('complaint_id'), column('complaint_no'), column('store_id'), column('region_id'), column('severity'), column('escalation_level'), column('owner_id'), column('version')],
    );
  }
}

const complaintIdOf = (recorded: RecordedEvent) => recorded.streamId.replace(/^complaint-/, '');

/**
 * The notification outbox as a projection: each alerting event becomes one row per recipient,
 * keyed by (event id, recipient). The same plan, from the same state, is what the relay publishes
 * (`notificationPublications`), so the adapters deliver exactly what the outbox lists.
 */
export function notificationOutboxProjection(roster: () => StaffRoster): Projection<OrmTx> {
  return {
    id: 'projection:complaint-notifications:v1',
    handles: [
      'ComplaintFiled',
      'ComplaintAssigned',
      'ComplaintEscalated',
      'ComplaintClassified',
      'ComplaintRepeatDetected',
      'SlaWarningReached',
      'SlaBreached',
      'PromiseOverdue',
      'StaffComplaintFiled',
      'StaffComplaintNotified',
      'SecondCallOverdue',
      'CallbackScheduled',
      'CallbackReassigned',
      'CallbackOverdue',
    ],
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      const outbox: OutboxNotification[] = [];
      const cases = await CaseBatch.load(tx, events);
      for (const recorded of events) {
        if (recorded.streamType === STAFF_COMPLAINT_STREAM_TYPE) {
          await handleStaffComplaint(recorded, tx, outbox);
          continue;
        }
        if (recorded.streamType === CALLBACK_STREAM_TYPE) {
          await handleCallback(recorded, tx, outbox);
          continue;
        }
        if (recorded.streamType !== 'complaint') continue;
        const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
        const id = complaintIdOf(recorded);
        if (event.type === 'ComplaintFiled') {
          const d = event.data;
          cases.open({
            complaint_id: d.complaintId,
            complaint_no: d.complaintNo ?? null,
            store_id: d.storeId,
            region_id: d.regionId ?? null,
            severity: d.severity,
            escalation_level: d.escalationLevel,
            owner_id: null,
            version: recorded.streamVersion,
          });
          continue;
        }
        const row = cases.get(id);
        if (!row || row.version >= recorded.streamVersion) continue;
        const after = caseAfter(toCase(row), event);
        cases.set({ ...row, severity: after.severity, escalation_level: after.escalationLevel, owner_id: after.ownerId ?? null, version: recorded.streamVersion });
        for (const n of planNotifications(event, after, roster())) {
          outbox.push({ ...n, notificationId: notificationId(recorded.eventId, n.recipientId), complaintId: id, storeId: after.storeId, severity: after.severity, createdAt: event.data.at });
        }
      }
      await cases.save(tx);
      await insertAll(tx, outbox);
    },
    async reset(tx: OrmTx) {
      await tx.query('delete from complaint_notification_v1; delete from complaint_notification_case_v1; delete from staff_complaint_notification_case_v1; delete from callback_notification_case_v1');
    },
  };
}

async function handleStaffComplaint(recorded: RecordedEvent, tx: OrmTx, outbox: OutboxNotification[]): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as StaffComplaintEvent;
  const staffComplaintId = recorded.streamId.replace(/^staff-complaint-/, '');
  const filed = event.type === 'StaffComplaintFiled' ? event.data : undefined;
  if (filed) {
    await tx.query(
      `insert into staff_complaint_notification_case_v1 (staff_complaint_id, staff_id, team_lead_id, store_id) values ($1, $2, $3, $4)
       on conflict (staff_complaint_id) do nothing`,
      [staffComplaintId, filed.staffId, filed.teamLeadId ?? null, filed.storeId],
    );
    return;
  }
  const [facts] = (await tx.query('select staff_id, team_lead_id, store_id from staff_complaint_notification_case_v1 where staff_complaint_id = $1', [staffComplaintId])) as Array<{
    staff_id: string;
    team_lead_id: string | null;
    store_id: string;
  }>;
  if (!facts) return;
  const staffId = facts.staff_id;
  const teamLeadId = facts.team_lead_id ?? undefined;
  for (const n of planStaffComplaint(event, { staffComplaintId, staffId, teamLeadId })) {
    outbox.push({
      ...n,
      notificationId: notificationId(recorded.eventId, n.recipientId),
      complaintId: staffComplaintId,
      storeId: facts.store_id,
      createdAt: (event.data as { at: string }).at,
    });
  }
}

/** A call-back not done by its due instant alerts its assignee. */
async function handleCallback(recorded: RecordedEvent, tx: OrmTx, outbox: OutboxNotification[]): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as CallbackEvent;
  const callbackId = recorded.streamId.slice(CALLBACK_STREAM_TYPE.length + 1);
  if (event.type === 'CallbackScheduled' || event.type === 'CallbackReassigned') {
    const d = event.data;
    const storeId = event.type === 'CallbackScheduled' ? event.data.storeId : null;
    await tx.query(
      `insert into callback_notification_case_v1 (callback_id, assignee_id, store_id, source_ref) values ($1, $2, $3, $4)
       on conflict (callback_id) do update set assignee_id = excluded.assignee_id`,
      [callbackId, d.assigneeId ?? null, storeId ?? '', event.type === 'CallbackScheduled' ? event.data.sourceRef : ''],
    );
    return;
  }
  if (event.type !== 'CallbackOverdue') return;
  const [facts] = (await tx.query('select assignee_id, store_id, source_ref from callback_notification_case_v1 where callback_id = $1', [callbackId])) as Array<{
    assignee_id: string | null;
    store_id: string;
    source_ref: string;
  }>;
  for (const n of planCallbackAlert(event, { callbackId, assigneeId: facts?.assignee_id ?? undefined })) {
    outbox.push({ ...n, notificationId: notificationId(recorded.eventId, n.recipientId), complaintId: facts?.source_ref || callbackId, storeId: facts?.store_id || undefined, createdAt: event.data.at });
  }
}
