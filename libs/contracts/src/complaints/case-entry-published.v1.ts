import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategoryValue,
} from './complaint-vocabulary.js';

export const caseEntryPublishedV1 = {
  type: 'complaints.CaseEntryPublished',
  version: 1,
  subject: 'complaints.evt.CaseEntryPublished.v1',
} as const satisfies IntegrationEventDescriptor;

/** The weekly review published a case-library entry drafted from a closed complaint (personal data stripped). */
export class CaseEntryPublishedV1 {
  @IsString() @Length(1, 64) caseId: string;
  @IsString() @Length(1, 64) fromComplaintId: string;
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategoryValue;
  @IsString() @Length(1, 200) title: string;
  @IsInstant() publishedAt: string;
}

export const caseEntryPublishedV1Example: CaseEntryPublishedV1 = {
  caseId: 'case-2026-0001',
  fromComplaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  category: 'PRODUCT_QUALITY',
  title: 'Seam split after washing: exchange and refund',
  publishedAt: '2026-01-16T08:00:00.000Z',
};
