import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  STAFF_COMPLAINT_CATEGORIES,
  type StaffComplaintCategoryValue,
} from './complaint-vocabulary.js';

export const staffComplaintFiledV1 = {
  type: 'complaints.StaffComplaintFiled',
  version: 1,
  subject: 'complaints.evt.StaffComplaintFiled.v1',
} as const satisfies IntegrationEventDescriptor;

/** A complaint about a staff member opened a ticket (§1.3.6); the staff member and the team lead are notified, the second call is due. */
export class StaffComplaintFiledV1 {
  @IsString() @Length(1, 64) staffComplaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 64) staffId: string;
  @IsOptional() @IsString() @Length(1, 64) teamLeadId?: string;
  @IsIn(STAFF_COMPLAINT_CATEGORIES) category: StaffComplaintCategoryValue;
  @IsInstant() secondCallDueAt: string;
  @IsInstant() filedAt: string;
}

export const staffComplaintFiledV1Example: StaffComplaintFiledV1 = {
  staffComplaintId: 'sc-2026-0001',
  storeId: 'store-sh-012',
  staffId: 'staff-sh-012-07',
  teamLeadId: 'mgr-sh-012',
  category: 'attitude',
  secondCallDueAt: '2026-01-06T09:00:00.000Z',
  filedAt: '2026-01-05T03:00:00.000Z',
};
