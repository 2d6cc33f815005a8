import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const staffComplaintUpheldV1 = {
  type: 'complaints.StaffComplaintUpheld',
  version: 1,
  subject: 'complaints.evt.StaffComplaintUpheld.v1',
} as const satisfies IntegrationEventDescriptor;

/** QA upheld the complaint about a staff member and scored it (R55, R56). */
export class StaffComplaintUpheldV1 {
  @IsString() @Length(1, 64) staffComplaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 64) staffId: string;
  @IsOptional() @IsInt() @Min(0) @Max(100) score?: number;
  @IsInstant() upheldAt: string;
}

export const staffComplaintUpheldV1Example: StaffComplaintUpheldV1 = {
  staffComplaintId: 'sc-2026-0001',
  storeId: 'store-sh-012',
  staffId: 'staff-sh-012-07',
  score: 20,
  upheldAt: '2026-01-09T08:00:00.000Z',
};
