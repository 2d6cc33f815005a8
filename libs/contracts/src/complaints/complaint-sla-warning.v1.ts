import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_ESCALATION_LEVELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_SLA_CLOCKS,
  type ComplaintEscalationLevelValue,
  type ComplaintSeverityValue,
  type ComplaintSlaClockValue,
} from './complaint-vocabulary.js';

export const complaintSlaWarningV1 = {
  type: 'complaints.ComplaintSlaWarning',
  version: 1,
  subject: 'complaints.evt.ComplaintSlaWarning.v1',
} as const satisfies IntegrationEventDescriptor;

/** 80 % (configurable) of a first-response or resolution clock has run; the owner and their manager are alerted. */
export class ComplaintSlaWarningV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(COMPLAINT_SLA_CLOCKS) clock: ComplaintSlaClockValue;
  @IsInstant() dueAt: string;
  @IsInstant() warnedAt: string;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsIn(COMPLAINT_ESCALATION_LEVELS) escalationLevel: ComplaintEscalationLevelValue;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
}

export const complaintSlaWarningV1Example: ComplaintSlaWarningV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  clock: 'resolution',
  dueAt: '2026-01-07T01:00:00.000Z',
  warnedAt: '2026-01-06T15:24:00.000Z',
  severity: 'P3',
  escalationLevel: 'store_staff',
  assigneeId: 'staff-sh-012-07',
};
