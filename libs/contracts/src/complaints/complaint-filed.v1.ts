import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_SOURCES,
  type ComplaintCategoryValue,
  type ComplaintChannelValue,
  type ComplaintSeverityValue,
  type ComplaintSourceValue,
} from './complaint-vocabulary.js';

export const complaintFiledV1 = {
  type: 'complaints.ComplaintFiled',
  version: 1,
  subject: 'complaints.evt.ComplaintFiled.v1',
} as const satisfies IntegrationEventDescriptor;

/** A complaint was received and its SLA clocks started. Never carries the customer's name or mobile. */
export class ComplaintFiledV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 32) complaintNo: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsIn(COMPLAINT_CHANNELS) channel: ComplaintChannelValue;
  @IsIn(COMPLAINT_SOURCES) source: ComplaintSourceValue;
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategoryValue;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsInstant() firstResponseDueAt: string;
  @IsInstant() resolutionDueAt: string;
  @IsInstant() receivedAt: string;
}

export const complaintFiledV1Example: ComplaintFiledV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  complaintNo: 'TS-20260105-0001',
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  channel: 'phone',
  source: 'hq',
  category: 'PRODUCT_QUALITY',
  severity: 'P3',
  firstResponseDueAt: '2026-01-06T01:00:00.000Z',
  resolutionDueAt: '2026-01-07T01:00:00.000Z',
  receivedAt: '2026-01-05T01:00:00.000Z',
};
