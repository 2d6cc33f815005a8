import type { StaffComplaintCustomer } from './staff-complaint.events.js';
import type { StaffComplaintStatus } from './staff-complaint.lifecycle.js';
import type { AppeasementResult, InitialJudgement, StaffComplaintCategory } from './staff-complaint.values.js';

export interface StaffComplaint {
  staffComplaintId: string;
  status: StaffComplaintStatus;
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
  firstContactNote?: string;
  notifiedAt?: string;
  initialJudgement?: InitialJudgement;
  secondCallDueAt: string;
  secondCall?: { assessment: string; appeasementResult: AppeasementResult; note?: string; onTime: boolean; at: string; by: string };
  secondCallOverdue: boolean;
  appeasementVerified?: boolean;
  assessmentCancelled: boolean;
  qa?: { outcome: 'upheld' | 'dismissed'; score?: number; criteria: string[]; note?: string; at: string; by: string };
  filedAt: string;
  filedBy: string;
  updatedAt: string;
}

export type StaffComplaintState = StaffComplaint | null;

export const initialStaffComplaintState = (): StaffComplaintState => null;
