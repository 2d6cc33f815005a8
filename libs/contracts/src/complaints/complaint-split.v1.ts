import { IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const complaintSplitV1 = {
  type: 'complaints.ComplaintSplit',
  version: 1,
  subject: 'complaints.evt.ComplaintSplit.v1',
} as const satisfies IntegrationEventDescriptor;

/** A part of a case goes on as a new case with its own clocks. */
export class ComplaintSplitV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) newComplaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 64) splitBy: string;
  @IsInstant() splitAt: string;
}

export const complaintSplitV1Example: ComplaintSplitV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  newComplaintId: 'c-part-0003',
  storeId: 'store-sh-012',
  splitBy: 'agent-hq-03',
  splitAt: '2026-01-05T04:30:00.000Z',
};
