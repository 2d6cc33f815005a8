import { IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const complaintMergedV1 = {
  type: 'complaints.ComplaintMerged',
  version: 1,
  subject: 'complaints.evt.ComplaintMerged.v1',
} as const satisfies IntegrationEventDescriptor;

/** A duplicate was merged into another case: its clocks stopped and its customer is told which case goes on. */
export class ComplaintMergedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) intoComplaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsString() @Length(1, 2000) customerMessage: string;
  @IsString() @Length(1, 64) mergedBy: string;
  @IsInstant() mergedAt: string;
}

export const complaintMergedV1Example: ComplaintMergedV1 = {
  complaintId: 'c-dup-0002',
  intoComplaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  customerMessage: 'We handle your request together with your earlier complaint',
  mergedBy: 'agent-hq-03',
  mergedAt: '2026-01-05T04:00:00.000Z',
};
