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

export const complaintSlaBreachedV1 = {
  type: 'complaints.ComplaintSlaBreached',
  version: 1,
  subject: 'complaints.evt.ComplaintSlaBreached.v1',
} as const satisfies IntegrationEventDescriptor;

/** A first-response or resolution clock passed its due instant; the CS manager is notified. */
export class ComplaintSlaBreachedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(COMPLAINT_SLA_CLOCKS) clock: ComplaintSlaClockValue;
  @IsInstant() dueAt: string;
  @IsInstant() breachedAt: string;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsIn(COMPLAINT_ESCALATION_LEVELS) escalationLevel: ComplaintEscalationLevelValue;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
}

export const complaintSlaBreachedV1Example: ComplaintSlaBreachedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  clock: 'first_response',
  dueAt: '2026-01-06T01:00:00.000Z',
  breachedAt: '2026-01-06T01:00:03.000Z',
  severity: 'P3',
  escalationLevel: 'hq_agent',
  assigneeId: 'agent-hq-03',
};
