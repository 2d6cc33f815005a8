import { IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const staffComplaintWithdrawnV1 = {
  type: 'complaints.StaffComplaintWithdrawn',
  version: 1,
  subject: 'complaints.evt.StaffComplaintWithdrawn.v1',
} as const satisfies IntegrationEventDescriptor;

/** The customer withdrew after verified appeasement: the staff member's assessment is cancelled (R53). */
export class StaffComplaintWithdrawnV1 {
  @IsString() @Length(1, 64) staffComplaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 64) staffId: string;
  @IsInstant() withdrawnAt: string;
}

export const staffComplaintWithdrawnV1Example: StaffComplaintWithdrawnV1 = {
  staffComplaintId: 'sc-2026-0001',
  storeId: 'store-sh-012',
  staffId: 'staff-sh-012-07',
  withdrawnAt: '2026-01-06T08:00:00.000Z',
};
