import { fold, type RecordedEvent } from '@cs/eventstore';
import type { Publication, PublicationContext } from '@cs/messaging';
import {
  callbackCompletedV1,
  callbackScheduledV1,
  callbackUnreachableV1,
  caseEntryPublishedV1,
  complaintAssignedV1,
  complaintClassifiedV1,
  complaintMergedV1,
  complaintNotificationRequestedV1,
  complaintPromiseOverdueV1,
  complaintReopenedV1,
  complaintSlaWarningV1,
  complaintSplitV1,
  staffComplaintFiledV1,
  staffComplaintUpheldV1,
  staffComplaintWithdrawnV1,
  surveyResponseRecordedV1,
} from '@cs/contracts';
import { callbackDecider, CALLBACK_STREAM_TYPE } from '../callback/callback.decider.js';
import type { CallbackEvent } from '../callback/callback.events.js';
import { caseEntryDecider, CASE_ENTRY_STREAM_TYPE } from '../case-entry/case-entry.decider.js';
import type { CaseEntryEvent } from '../case-entry/case-entry.events.js';
import { complaintDecider, COMPLAINT_STREAM_TYPE } from '../complaint/complaint.decider.js';
import type { ComplaintEvent } from '../complaint/complaint.events.js';
import type { Complaint } from '../complaint/complaint.state.js';
import { notificationId } from '../notifications/notification-outbox.projection.js';
import { planCallbackAlert, planNotifications, planStaffComplaint, type PlannedNotification } from '../notifications/notification-plan.js';
import type { StaffRoster } from '../routing/complaint-routing.js';
import { staffComplaintDecider, STAFF_COMPLAINT_STREAM_TYPE } from '../staff-complaint/staff-complaint.decider.js';
import type { StaffComplaintEvent } from '../staff-complaint/staff-complaint.events.js';
import { surveyResponseDecider, SURVEY_RESPONSE_STREAM_TYPE } from '../survey-response/survey-response.decider.js';
import type { SurveyResponseEvent } from '../survey-response/survey-response.events.js';

type Descriptor = { type: string; version: number; subject: string };
const one = (d: Descriptor, data: Record<string, unknown>): Publication => ({
  type: d.type,
  version: d.version,
  subject: d.subject,
  data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
});

const upTo = async <S, E>(decider: { evolve(s: S, e: E): S; initialState(): S }, recorded: RecordedEvent, context: PublicationContext): Promise<S> =>
  fold(decider as never, (await context.streamUpTo(recorded)) as never) as S;

function requested(recorded: RecordedEvent, planned: PlannedNotification[], about: { complaintId: string; storeId?: string; severity?: string }, at: string): Publication[] {
  return planned.map((n) =>
    one(complaintNotificationRequestedV1, {
      notificationId: notificationId(recorded.eventId, n.recipientId),
      recipientId: n.recipientId,
      recipientRole: n.recipientRole,
      kind: n.kind,
      complaintId: about.complaintId,
      storeId: about.storeId,
      severity: about.severity,
      title: n.title,
      body: n.body,
      dueAt: n.dueAt,
      requestedAt: at,
    }),
  );
}

/** The notifications of one complaint event, as the outbox projection lists them (same plan, same ids). */
function notifications(recorded: RecordedEvent, event: ComplaintEvent, c: Complaint, roster: StaffRoster): Publication[] {
  const planned = planNotifications(
    event,
    { complaintId: c.complaintId, complaintNo: c.complaintNo, storeId: c.storeId, regionId: c.regionId, severity: c.severity, escalationLevel: c.escalationLevel, ownerId: c.assigneeId },
    roster,
  );
  return requested(recorded, planned, { complaintId: c.complaintId, storeId: c.storeId, severity: c.severity }, event.data.at);
}

function complaintPublications(recorded: RecordedEvent, event: ComplaintEvent, c: Complaint): Publication[] {
  const d = event.data;
  switch (event.type) {
    case 'ComplaintClassified':
      return [one(complaintClassifiedV1, { complaintId: c.complaintId, storeId: c.storeId, category: event.data.category, severity: c.severity, repeatOfComplaintId: c.repeatOfComplaintId, classifiedBy: d.by, classifiedAt: d.at })];
    case 'ComplaintAssigned':
      return [
        one(complaintAssignedV1, {
          complaintId: c.complaintId,
          storeId: c.storeId,
          regionId: c.regionId,
          assigneeId: event.data.assigneeId,
          previousAssigneeId: event.data.previousAssigneeId !== event.data.assigneeId ? event.data.previousAssigneeId : undefined,
          via: event.data.via,
          note: event.data.note,
          severity: c.severity,
          escalationLevel: c.escalationLevel,
          assignedBy: d.by,
          assignedAt: d.at,
        }),
      ];
    case 'ComplaintReopened':
      return [
        one(complaintReopenedV1, {
          complaintId: c.complaintId,
          storeId: c.storeId,
          reason: event.data.reason,
          reopenCount: event.data.reopenCount,
          callbackId: event.data.callbackId,
          resolutionDueAt: event.data.resolutionDueAt,
          assigneeId: c.assigneeId,
          reopenedBy: d.by,
          reopenedAt: d.at,
        }),
      ];
    case 'SlaWarningReached':
      return [one(complaintSlaWarningV1, { complaintId: c.complaintId, storeId: c.storeId, clock: event.data.clock, dueAt: event.data.dueAt, warnedAt: d.at, severity: c.severity, escalationLevel: c.escalationLevel, assigneeId: c.assigneeId })];
    case 'PromiseOverdue':
      return [one(complaintPromiseOverdueV1, { complaintId: c.complaintId, storeId: c.storeId, promiseNo: event.data.promiseNo, what: event.data.what, dueAt: event.data.dueAt, overdueAt: d.at, assigneeId: c.assigneeId })];
    case 'ComplaintMerged':
      return [one(complaintMergedV1, { complaintId: c.complaintId, intoComplaintId: event.data.intoComplaintId, storeId: c.storeId, memberId: c.memberId, customerMessage: event.data.customerMessage, mergedBy: d.by, mergedAt: d.at })];
    case 'ComplaintSplit':
      return [one(complaintSplitV1, { complaintId: c.complaintId, newComplaintId: event.data.newComplaintId, storeId: c.storeId, splitBy: d.by, splitAt: d.at })];
    default:
      return [];
  }
}

/**
 * The team features' public events: the complaint lifecycle events other systems need, one
 * notification request per recipient for the adapters, and the call-back, staff-complaint,
 * survey and case-library events. Personal contact data never leaves.
 */
export function complaintsTeamPublications(roster: () => StaffRoster) {
  return async (recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> => {
    switch (recorded.streamType) {
      case COMPLAINT_STREAM_TYPE: {
        const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
        const c = await upTo(complaintDecider, recorded, context);
        if (!c) return [];
        return [...complaintPublications(recorded, event, c), ...notifications(recorded, event, c, roster())];
      }
      case CALLBACK_STREAM_TYPE: {
        const event = { type: recorded.type, data: recorded.data } as CallbackEvent;
        if (!['CallbackScheduled', 'CallbackCompleted', 'CallbackUnreachable', 'CallbackOverdue'].includes(event.type)) return [];
        const cb = await upTo(callbackDecider, recorded, context);
        if (!cb) return [];
        if (event.type === 'CallbackOverdue') {
          return requested(recorded, planCallbackAlert(event, { callbackId: cb.callbackId, assigneeId: cb.assigneeId }), { complaintId: cb.sourceRef, storeId: cb.storeId }, event.data.at);
        }
        const base = { callbackId: cb.callbackId, kind: cb.kind, sourceRef: cb.sourceRef, storeId: cb.storeId };
        if (event.type === 'CallbackScheduled') {
          return [one(callbackScheduledV1, { ...base, memberId: cb.memberId, assigneeId: cb.assigneeId, dueAt: cb.dueAt, sampled: cb.sampled, scheduledAt: event.data.at })];
        }
        if (event.type === 'CallbackCompleted') {
          return [one(callbackCompletedV1, { ...base, satisfaction: event.data.satisfaction, satisfied: event.data.satisfied, completedBy: event.data.by, completedAt: event.data.at })];
        }
        if (event.type === 'CallbackUnreachable') {
          return [one(callbackUnreachableV1, { ...base, unansweredAttempts: event.data.unansweredAttempts, unreachableAt: event.data.at })];
        }
        return [];
      }
      case STAFF_COMPLAINT_STREAM_TYPE: {
        const event = { type: recorded.type, data: recorded.data } as StaffComplaintEvent;
        if (!['StaffComplaintFiled', 'StaffComplaintWithdrawn', 'StaffComplaintUpheld', 'StaffComplaintNotified', 'SecondCallOverdue'].includes(event.type)) return [];
        const sc = await upTo(staffComplaintDecider, recorded, context);
        if (!sc) return [];
        if (event.type === 'StaffComplaintNotified' || event.type === 'SecondCallOverdue') {
          const planned = planStaffComplaint(event, { staffComplaintId: sc.staffComplaintId, staffId: sc.staffId, teamLeadId: sc.teamLeadId });
          return requested(recorded, planned, { complaintId: sc.staffComplaintId, storeId: sc.storeId }, event.data.at);
        }
        const base = { staffComplaintId: sc.staffComplaintId, storeId: sc.storeId, staffId: sc.staffId };
        if (event.type === 'StaffComplaintFiled') {
          return [one(staffComplaintFiledV1, { ...base, teamLeadId: sc.teamLeadId, category: sc.category, secondCallDueAt: sc.secondCallDueAt, filedAt: event.data.at })];
        }
        if (event.type === 'StaffComplaintWithdrawn') return [one(staffComplaintWithdrawnV1, { ...base, withdrawnAt: event.data.at })];
        if (event.type === 'StaffComplaintUpheld') return [one(staffComplaintUpheldV1, { ...base, score: event.data.score, upheldAt: event.data.at })];
        return [];
      }
      case SURVEY_RESPONSE_STREAM_TYPE: {
        const event = { type: recorded.type, data: recorded.data } as SurveyResponseEvent;
        if (event.type !== 'SurveyAnswered') return [];
        const r = await upTo(surveyResponseDecider, recorded, context);
        if (!r) return [];
        return [
          one(surveyResponseRecordedV1, { responseId: r.responseId, surveyId: r.surveyId, storeId: r.storeId, agentId: r.agentId, channel: r.channel, satisfaction: event.data.satisfaction, caseRef: r.caseRef, answeredAt: event.data.at }),
        ];
      }
      case CASE_ENTRY_STREAM_TYPE: {
        const event = { type: recorded.type, data: recorded.data } as CaseEntryEvent;
        if (event.type !== 'CaseEntryPublished') return [];
        const e = await upTo(caseEntryDecider, recorded, context);
        if (!e) return [];
        return [one(caseEntryPublishedV1, { caseId: e.caseId, fromComplaintId: e.fromComplaintId, category: e.category, title: e.title, publishedAt: event.data.at })];
      }
      default:
        return [];
    }
  };
}
