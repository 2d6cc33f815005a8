import type { Event } from '@cs/eventstore';
import type { AppeasementResult, InitialJudgement, NotificationChannel, StaffComplaintCategory } from './staff-complaint.values.js';

export interface StaffComplaintCustomer {
  name: string;
  mobile: string;
}

export type StaffComplaintFiled = Event<
  'StaffComplaintFiled',
  {
    staffComplaintId: string;
    storeId: string;
    regionId?: string;
    staffId: string;
    staffName: string;
    teamLeadId?: string;
    memberId?: string;
    customer?: StaffComplaintCustomer;
    channel: string;
    category: StaffComplaintCategory;
    description: string;
    /** What the agent said at first contact before the customer asked for a ticket (R49). */
    firstContactNote?: string;
    secondCallDueAt: string;
    at: string;
    by: string;
  }
>;

/** R50: the staff member and the team lead are told at the instant the ticket opens. */
export type StaffComplaintNotified = Event<
  'StaffComplaintNotified',
  { recipients: { role: 'staff' | 'team_lead'; id?: string; channels: NotificationChannel[] }[]; at: string; by: string }
>;

export type InitialJudgementRecorded = Event<'InitialJudgementRecorded', { judgement: InitialJudgement; note?: string; at: string; by: string }>;

export type SecondCallRecorded = Event<
  'SecondCallRecorded',
  { assessment: string; appeasementResult: AppeasementResult; note?: string; onTime: boolean; at: string; by: string }
>;

export type SecondCallOverdue = Event<'SecondCallOverdue', { dueAt: string; at: string; by: string }>;

export type AppeasementVerified = Event<'AppeasementVerified', { verified: boolean; note?: string; at: string; by: string }>;

/** R52: withdrawn after a verified appeasement; the staff member's assessment is cancelled. */
export type StaffComplaintWithdrawn = Event<'StaffComplaintWithdrawn', { staffId: string; assessmentCancelled: true; note?: string; at: string; by: string }>;

export type StaffComplaintUpheld = Event<'StaffComplaintUpheld', { staffId: string; score?: number; criteria: string[]; note?: string; at: string; by: string }>;

export type StaffComplaintDismissed = Event<'StaffComplaintDismissed', { note: string; at: string; by: string }>;

export type StaffComplaintEvent =
  | StaffComplaintFiled
  | StaffComplaintNotified
  | InitialJudgementRecorded
  | SecondCallRecorded
  | SecondCallOverdue
  | AppeasementVerified
  | StaffComplaintWithdrawn
  | StaffComplaintUpheld
  | StaffComplaintDismissed;
