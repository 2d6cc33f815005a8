import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_ESCALATION_LEVELS,
  COMPLAINT_ESCALATION_TARGETS,
  COMPLAINT_SEVERITIES,
  type ComplaintEscalationLevelValue,
  type ComplaintEscalationTargetValue,
  type ComplaintSeverityValue,
} from './complaint-vocabulary.js';

export const complaintEscalatedV1 = {
  type: 'complaints.ComplaintEscalated',
  version: 1,
  subject: 'complaints.evt.ComplaintEscalated.v1',
} as const satisfies IntegrationEventDescriptor;

/** The complaint moved up a level (store staff → store manager → HQ agent → HQ manager); the assignee stays. */
export class ComplaintEscalatedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsIn(COMPLAINT_ESCALATION_LEVELS) fromLevel: ComplaintEscalationLevelValue;
  @IsIn(COMPLAINT_ESCALATION_TARGETS) toLevel: ComplaintEscalationTargetValue;
  @IsString() @Length(1, 1000) reason: string;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
  @IsString() @Length(1, 64) escalatedBy: string;
  @IsInstant() escalatedAt: string;
}

export const complaintEscalatedV1Example: ComplaintEscalatedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  severity: 'P2',
  fromLevel: 'store_staff',
  toLevel: 'hq_agent',
  reason: 'Refund outside store policy',
  assigneeId: 'staff-sh-012-07',
  escalatedBy: 'staff-sh-012-07',
  escalatedAt: '2026-01-05T03:00:00.000Z',
};
