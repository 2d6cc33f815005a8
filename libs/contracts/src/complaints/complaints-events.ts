import type { IntegrationEventDescriptor } from '../envelope.js';
import { complaintClosedV1 } from './complaint-closed.v1.js';
import { complaintCompensationGrantedV1 } from './complaint-compensation-granted.v1.js';
import { complaintEscalatedV1 } from './complaint-escalated.v1.js';
import { complaintFiledV1 } from './complaint-filed.v1.js';
import { complaintResolvedV1 } from './complaint-resolved.v1.js';
import { complaintSlaBreachedV1 } from './complaint-sla-breached.v1.js';
import { complaintClassifiedV1 } from './complaint-classified.v1.js';
import { complaintAssignedV1 } from './complaint-assigned.v1.js';
import { complaintReopenedV1 } from './complaint-reopened.v1.js';
import { complaintSlaWarningV1 } from './complaint-sla-warning.v1.js';
import { complaintPromiseOverdueV1 } from './complaint-promise-overdue.v1.js';
import { complaintMergedV1 } from './complaint-merged.v1.js';
import { complaintSplitV1 } from './complaint-split.v1.js';
import { complaintNotificationRequestedV1 } from './complaint-notification-requested.v1.js';
import { callbackScheduledV1 } from './callback-scheduled.v1.js';
import { callbackCompletedV1 } from './callback-completed.v1.js';
import { callbackUnreachableV1 } from './callback-unreachable.v1.js';
import { staffComplaintFiledV1 } from './staff-complaint-filed.v1.js';
import { staffComplaintWithdrawnV1 } from './staff-complaint-withdrawn.v1.js';
import { staffComplaintUpheldV1 } from './staff-complaint-upheld.v1.js';
import { surveyResponseRecordedV1 } from './survey-response-recorded.v1.js';
import { caseEntryPublishedV1 } from './case-entry-published.v1.js';

/** Every integration event the complaints service publishes. */
export const ComplaintsEvents = [
  complaintFiledV1,
  complaintEscalatedV1,
  complaintCompensationGrantedV1,
  complaintResolvedV1,
  complaintClosedV1,
  complaintSlaBreachedV1,
  complaintClassifiedV1,
  complaintAssignedV1,
  complaintReopenedV1,
  complaintSlaWarningV1,
  complaintPromiseOverdueV1,
  complaintMergedV1,
  complaintSplitV1,
  complaintNotificationRequestedV1,
  callbackScheduledV1,
  callbackCompletedV1,
  callbackUnreachableV1,
  staffComplaintFiledV1,
  staffComplaintWithdrawnV1,
  staffComplaintUpheldV1,
  surveyResponseRecordedV1,
  caseEntryPublishedV1,
] as const satisfies readonly IntegrationEventDescriptor[];
