import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  type ComplaintCategoryValue,
  type ComplaintSeverityValue,
} from './complaint-vocabulary.js';

export const complaintClassifiedV1 = {
  type: 'complaints.ComplaintClassified',
  version: 1,
  subject: 'complaints.evt.ComplaintClassified.v1',
} as const satisfies IntegrationEventDescriptor;

/** The complaint got its category and severity (a repeat raises the severity); routing and reports use it. */
export class ComplaintClassifiedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(COMPLAINT_CATEGORIES) category: ComplaintCategoryValue;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsOptional() @IsString() @Length(1, 64) repeatOfComplaintId?: string;
  @IsString() @Length(1, 64) classifiedBy: string;
  @IsInstant() classifiedAt: string;
}

export const complaintClassifiedV1Example: ComplaintClassifiedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  category: 'PRODUCT_QUALITY',
  severity: 'P2',
  classifiedBy: 'agent-hq-03',
  classifiedAt: '2026-01-05T02:00:00.000Z',
};
