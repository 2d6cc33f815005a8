import type { ComplaintEvent } from '../complaint/complaint.events.js';
import type { EscalationLevel } from '../complaint/complaint.values.js';
import type { CallbackEvent } from '../callback/callback.events.js';
import { personAt, type StaffRoster } from '../routing/complaint-routing.js';
import type { StaffComplaintEvent } from '../staff-complaint/staff-complaint.events.js';

/**
 * Who is told what when a complaint event happens (R2, R16, R17, R46): the SLA warning and breach
 * and an overdue promise go to the owner and their manager; P1 and escalations to the HQ manager.
 * Pure: the roster is configuration; the caller derives a stable id per (event, recipient).
 */
export type NotificationKind = 'sla_warning' | 'sla_breach' | 'p1' | 'escalation' | 'promise_overdue' | 'staff_complaint' | 'second_call_overdue' | 'callback_overdue';
export type RecipientRole = 'owner' | 'manager' | 'hq_manager' | 'staff' | 'team_lead';

export interface PlannedNotification {
  recipientId: string;
  recipientRole: RecipientRole;
  kind: NotificationKind;
  title: string;
  body: string;
  dueAt?: string;
}

/** The complaint as it stands after the event (list projection or folded state). */
export interface NotificationCase {
  complaintId: string;
  complaintNo?: string;
  storeId: string;
  regionId?: string;
  severity: 'P1' | 'P2' | 'P3';
  escalationLevel: EscalationLevel;
  ownerId?: string;
}

const HQ: readonly EscalationLevel[] = ['hq_agent', 'hq_manager'];

/** The owner's manager: the store's manager for a store-level case, an HQ manager once at HQ. */
export function managerOf(c: NotificationCase, roster: StaffRoster): string | undefined {
  const who = { complaintId: c.complaintId, storeId: c.storeId, regionId: c.regionId, filer: { id: c.ownerId ?? '' } };
  const manager = HQ.includes(c.escalationLevel) || c.escalationLevel === 'store_manager' ? personAt('hq_manager', who, roster) : personAt('store_manager', who, roster);
  return manager?.id;
}

function hqManager(c: NotificationCase, roster: StaffRoster): string | undefined {
  return personAt('hq_manager', { complaintId: c.complaintId, storeId: c.storeId, regionId: c.regionId, filer: { id: '' } }, roster)?.id;
}

/** One notification per person: the first role that names them wins. */
function unique(list: PlannedNotification[]): PlannedNotification[] {
  const seen = new Set<string>();
  return list.filter((n) => n.recipientId && !seen.has(n.recipientId) && seen.add(n.recipientId));
}

const clockName = { first_response: 'First response', resolution: 'Resolution' } as const;

export function planNotifications(event: ComplaintEvent, c: NotificationCase, roster: StaffRoster): PlannedNotification[] {
  const ref = c.complaintNo ?? c.complaintId;
  const toOwnerAndManager = (kind: NotificationKind, title: string, body: string, dueAt?: string): PlannedNotification[] =>
    unique([
      ...(c.ownerId ? [{ recipientId: c.ownerId, recipientRole: 'owner' as const, kind, title, body, dueAt }] : []),
      ...[managerOf(c, roster)].filter((m): m is string => !!m).map((m) => ({ recipientId: m, recipientRole: 'manager' as const, kind, title, body, dueAt })),
    ]);
  const toHqManager = (kind: NotificationKind, title: string, body: string): PlannedNotification[] => {
    const m = hqManager(c, roster);
    return m ? [{ recipientId: m, recipientRole: 'hq_manager', kind, title, body }] : [];
  };
  switch (event.type) {
    case 'SlaWarningReached':
      return toOwnerAndManager('sla_warning', `${clockName[event.data.clock]} due soon`, `Complaint ${ref}: ${clockName[event.data.clock].toLowerCase()} is due at ${event.data.dueAt}`, event.data.dueAt);
    case 'SlaBreached':
      return toOwnerAndManager('sla_breach', `${clockName[event.data.clock]} overdue`, `Complaint ${ref}: ${clockName[event.data.clock].toLowerCase()} was due at ${event.data.dueAt}`, event.data.dueAt);
    case 'PromiseOverdue':
      return toOwnerAndManager('promise_overdue', 'Promise to the customer overdue', `Complaint ${ref}: "${event.data.what}" was promised by ${event.data.dueAt}`, event.data.dueAt);
    case 'ComplaintEscalated':
      return HQ.includes(event.data.toLevel) ? toHqManager('escalation', `Escalated to ${event.data.toLevel}`, `Complaint ${ref}: ${event.data.reason}`) : [];
    case 'ComplaintClassified':
      return event.data.severity === 'P1' ? toHqManager('p1', 'P1 complaint', `Complaint ${ref} is P1 (major)`) : [];
    case 'ComplaintRepeatDetected':
      return event.data.severityRaisedTo === 'P1' ? toHqManager('p1', 'P1 complaint (repeat)', `Complaint ${ref} repeats ${event.data.repeatOfComplaintId} and is now P1`) : [];
    default:
      return [];
  }
}

/** [PROPOSED] Breach rules: a breach at a level escalates automatically to the next one (configuration). */
export type AutoEscalationRules = Partial<Record<'first_response' | 'resolution', Partial<Record<EscalationLevel, Exclude<EscalationLevel, 'store_staff'>>>>>;

export const DEFAULT_AUTO_ESCALATION: AutoEscalationRules = { resolution: { store_staff: 'store_manager', store_manager: 'hq_agent' } };

export function autoEscalationTarget(
  clock: 'first_response' | 'resolution',
  level: EscalationLevel,
  rules: AutoEscalationRules,
): Exclude<EscalationLevel, 'store_staff'> | undefined {
  return rules[clock]?.[level];
}

/** Staff-complaint alerts (R50, R51): the staff member and the team lead at filing; the lead when the second call is late. */
export function planStaffComplaint(event: StaffComplaintEvent, facts: { staffId?: string; teamLeadId?: string; staffComplaintId: string }): PlannedNotification[] {
  const ref = facts.staffComplaintId;
  if (event.type === 'StaffComplaintNotified') {
    const seen = new Set<string>();
    return event.data.recipients
      .map((r) => ({ id: r.role === 'staff' ? (r.id ?? facts.staffId) : (r.id ?? facts.teamLeadId), role: r.role }))
      .filter((r): r is { id: string; role: 'staff' | 'team_lead' } => !!r.id && !seen.has(r.id) && !!seen.add(r.id))
      .map((r) => ({ recipientId: r.id, recipientRole: r.role, kind: 'staff_complaint' as const, title: 'Complaint about a staff member', body: `Staff complaint ${ref} was filed; the team lead's second call is due` }));
  }
  if (event.type === 'SecondCallOverdue' && facts.teamLeadId) {
    return [{ recipientId: facts.teamLeadId, recipientRole: 'team_lead', kind: 'second_call_overdue', title: 'Second call overdue', body: `Staff complaint ${ref}: the second call was due at ${event.data.dueAt}`, dueAt: event.data.dueAt }];
  }
  return [];
}

/** A call-back past its due instant alerts its assignee. */
export function planCallbackAlert(event: CallbackEvent, facts: { callbackId: string; assigneeId?: string }): PlannedNotification[] {
  if (event.type !== 'CallbackOverdue' || !facts.assigneeId) return [];
  return [{ recipientId: facts.assigneeId, recipientRole: 'owner', kind: 'callback_overdue', title: 'Call-back overdue', body: `Call-back ${facts.callbackId} was due at ${event.data.dueAt}`, dueAt: event.data.dueAt }];
}
