import { defineLifecycle } from '@cs/eventstore';
import type { StaffComplaintCommand } from './staff-complaint.commands.js';
import type { StaffComplaintEvent } from './staff-complaint.events.js';

export const STAFF_COMPLAINT_STATUSES = [
  'ticket_open',
  'judged',
  'under_review',
  'verified',
  'normal_flow',
  'withdrawn',
  'upheld',
  'dismissed',
] as const;
export type StaffComplaintStatus = (typeof STAFF_COMPLAINT_STATUSES)[number];

/**
 * §1.3.6: ticket_open ─first call (initial judgement)─▶ judged ─second call─▶ under_review
 * (appeasement accepted) or normal_flow (not accepted); review ─verified─▶ verified ─▶ withdrawn,
 * ─not verified─▶ normal_flow ─QA─▶ upheld | dismissed.
 */
export const staffComplaintLifecycle = defineLifecycle<StaffComplaintStatus, StaffComplaintCommand, StaffComplaintEvent>({
  name: 'staff complaint',
  statuses: STAFF_COMPLAINT_STATUSES,
  terminal: ['withdrawn', 'upheld', 'dismissed'],
  commands: {
    FileStaffComplaint: 'create',
    RecordFirstCall: ['ticket_open'],
    RecordSecondCall: ['ticket_open', 'judged'],
    VerifyAppeasement: ['under_review'],
    WithdrawStaffComplaint: ['verified'],
    UpholdStaffComplaint: ['normal_flow'],
    DismissStaffComplaint: ['judged', 'normal_flow'],
    MarkSecondCallOverdue: STAFF_COMPLAINT_STATUSES,
  },
  events: {
    StaffComplaintFiled: 'ticket_open',
    StaffComplaintNotified: 'unchanged',
    InitialJudgementRecorded: 'judged',
    SecondCallRecorded: (_before, e) => (e.data.appeasementResult === 'accepted' ? 'under_review' : 'normal_flow'),
    SecondCallOverdue: 'unchanged',
    AppeasementVerified: (_before, e) => (e.data.verified ? 'verified' : 'normal_flow'),
    StaffComplaintWithdrawn: 'withdrawn',
    StaffComplaintUpheld: 'upheld',
    StaffComplaintDismissed: 'dismissed',
  },
});
