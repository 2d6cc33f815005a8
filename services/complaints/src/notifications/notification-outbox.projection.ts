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

async function insert(tx: OrmTx, n: OutboxNotification): Promise<void> {
  await tx.query(
    `insert into complaint_notification_v1 (notification_id, recipient_id, recipient_role, kind, complaint_id, store_id, severity, title, body, due_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (notification_id) do nothing`,
    [n.notificationId, n.recipientId, n.recipientRole, n.kind, n.complaintId, n.storeId ?? null, n.severity ?? null, n.title, n.body, n.dueAt ?? null, n.createdAt],
  );
}

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
      for (const recorded of events) {
        if (recorded.streamType === STAFF_COMPLAINT_STREAM_TYPE) {
          await handleStaffComplaint(recorded, tx);
          continue;
        }
        if (recorded.streamType === CALLBACK_STREAM_TYPE) {
          await handleCallback(recorded, tx);
          continue;
        }
        if (recorded.streamType !== 'complaint') continue;
        const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
        if (event.type === 'ComplaintFiled') {
          const d = event.data;
          await tx.query(
            `insert into complaint_notification_case_v1 (complaint_id, complaint_no, store_id, region_id, severity, escalation_level, owner_id, version)
             values ($1, $2, $3, $4, $5, $6, null, $7) on conflict (complaint_id) do nothing`,
            [d.complaintId, d.complaintNo ?? null, d.storeId, d.regionId ?? null, d.severity, d.escalationLevel, recorded.streamVersion],
          );
          continue;
        }
        const id = recorded.streamId.replace(/^complaint-/, '');
        const [row] = (await tx.query('select * from complaint_notification_case_v1 where complaint_id = $1', [id])) as CaseRow[];
        if (!row || row.version >= recorded.streamVersion) continue;
        const after = caseAfter(toCase(row), event);
        await tx.query(
          'update complaint_notification_case_v1 set severity = $2, escalation_level = $3, owner_id = $4, version = $5 where complaint_id = $1',
          [id, after.severity, after.escalationLevel, after.ownerId ?? null, recorded.streamVersion],
        );
        for (const n of planNotifications(event, after, roster())) {
          await insert(tx, { ...n, notificationId: notificationId(recorded.eventId, n.recipientId), complaintId: id, storeId: after.storeId, severity: after.severity, createdAt: event.data.at });
        }
      }
    },
    async reset(tx: OrmTx) {
      await tx.query('delete from complaint_notification_v1; delete from complaint_notification_case_v1; delete from staff_complaint_notification_case_v1; delete from callback_notification_case_v1');
    },
  };
}

async function handleStaffComplaint(recorded: RecordedEvent, tx: OrmTx): Promise<void> {
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
    await insert(tx, {
      ...n,
      notificationId: notificationId(recorded.eventId, n.recipientId),
      complaintId: staffComplaintId,
      storeId: facts.store_id,
      createdAt: (event.data as { at: string }).at,
    });
  }
}

/** A call-back not done by its due instant alerts its assignee. */
async function handleCallback(recorded: RecordedEvent, tx: OrmTx): Promise<void> {
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
    await insert(tx, { ...n, notificationId: notificationId(recorded.eventId, n.recipientId), complaintId: facts?.source_ref || callbackId, storeId: facts?.store_id || undefined, createdAt: event.data.at });
  }
}
