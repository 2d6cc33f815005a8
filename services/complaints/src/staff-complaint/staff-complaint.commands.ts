import type { Actor } from '@cs/eventstore';
import type { StaffComplaintCustomer } from './staff-complaint.events.js';
import type { AppeasementResult, InitialJudgement, StaffComplaintCategory } from './staff-complaint.values.js';

export type StaffComplaintActor = Pick<Actor, 'id' | 'role' | 'name' | 'storeId'>;

interface CommandBase {
  staffComplaintId: string;
  now: string;
  actor: StaffComplaintActor;
}

export interface FileStaffComplaint extends CommandBase {
  type: 'FileStaffComplaint';
  storeId: string;
  regionId?: string;
  staffId: string;
  staffName: string;
  /** The team lead the service found for the store (its manager), when known. */
  teamLeadId?: string;
  memberId?: string;
  customer?: StaffComplaintCustomer;
  channel: string;
  category?: StaffComplaintCategory;
  description: string;
  firstContactNote?: string;
  /** Computed by the service: 17:00 local on the next working day (configuration and calendar). */
  secondCallDueAt: string;
}

export interface RecordFirstCall extends CommandBase {
  type: 'RecordFirstCall';
  judgement: InitialJudgement;
  note?: string;
}

export interface RecordSecondCall extends CommandBase {
  type: 'RecordSecondCall';
  assessment: string;
  appeasementResult: AppeasementResult;
  note?: string;
}

export interface VerifyAppeasement extends CommandBase {
  type: 'VerifyAppeasement';
  verified: boolean;
  note?: string;
}

export interface WithdrawStaffComplaint extends CommandBase {
  type: 'WithdrawStaffComplaint';
  note?: string;
}

export interface UpholdStaffComplaint extends CommandBase {
  type: 'UpholdStaffComplaint';
  score?: number;
  criteria?: string[];
  note?: string;
}

export interface DismissStaffComplaint extends CommandBase {
  type: 'DismissStaffComplaint';
  note: string;
}

/** Fired by the durable timer at the second call's due instant. */
export interface MarkSecondCallOverdue extends CommandBase {
  type: 'MarkSecondCallOverdue';
}

export type StaffComplaintCommand =
  | FileStaffComplaint
  | RecordFirstCall
  | RecordSecondCall
  | VerifyAppeasement
  | WithdrawStaffComplaint
  | UpholdStaffComplaint
  | DismissStaffComplaint
  | MarkSecondCallOverdue;
