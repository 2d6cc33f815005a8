import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CLOSURES,
  COMPLAINT_SEVERITIES,
  type ComplaintCategoryValue,
  type ComplaintClosureValue,
  type ComplaintSeverityValue,
} from './complaint-vocabulary.js';

export const complaintClosedV1 = {
  type: 'complaints.ComplaintClosed',
  version: 1,
  subject: 'complaints.evt.ComplaintClosed.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * The complaint ended: closed after resolution, or invalidated (duplicate, not ours, invalid).
 * Consumed by analytics and the case library. A later reopen is a separate fact.
 */
export class ComplaintClosedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategoryValue;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsIn(COMPLAINT_CLOSURES) closure: ComplaintClosureValue;
  @IsOptional() @IsInt() @Min(1) @Max(5) satisfaction?: number;
  @IsOptional() @IsInstant() resolvedAt?: string;
  @IsInt() @Min(0) reopenCount: number;
  @IsInstant() closedAt: string;
}

export const complaintClosedV1Example: ComplaintClosedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  category: 'PRODUCT_QUALITY',
  severity: 'P3',
  closure: 'resolved',
  satisfaction: 5,
  resolvedAt: '2026-01-06T09:00:00.000Z',
  reopenCount: 0,
  closedAt: '2026-01-08T02:00:00.000Z',
};
