import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  type ComplaintCategoryValue,
  type ComplaintSeverityValue,
} from './complaint-vocabulary.js';

export const complaintResolvedV1 = {
  type: 'complaints.ComplaintResolved',
  version: 1,
  subject: 'complaints.evt.ComplaintResolved.v1',
} as const satisfies IntegrationEventDescriptor;

/** The accepted solution was carried out and the customer told the outcome (R37); call-backs schedule a 投诉回访. */
export class ComplaintResolvedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategoryValue;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
  @IsString() @Length(1, 2000) outcome: string;
  @IsInstant() resolvedAt: string;
  @IsBoolean() withinSla: boolean;
}

export const complaintResolvedV1Example: ComplaintResolvedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  category: 'PRODUCT_QUALITY',
  severity: 'P3',
  assigneeId: 'agent-hq-03',
  outcome: 'Jacket exchanged in store; scarf gift issued',
  resolvedAt: '2026-01-06T09:00:00.000Z',
  withinSla: true,
};
