import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_ASSIGNMENT_VIAS,
  COMPLAINT_ESCALATION_LEVELS,
  COMPLAINT_SEVERITIES,
  type ComplaintAssignmentViaValue,
  type ComplaintEscalationLevelValue,
  type ComplaintSeverityValue,
} from './complaint-vocabulary.js';

export const complaintAssignedV1 = {
  type: 'complaints.ComplaintAssigned',
  version: 1,
  subject: 'complaints.evt.ComplaintAssigned.v1',
} as const satisfies IntegrationEventDescriptor;

/** The complaint changed hands (or got its first owner at filing): from, to and why. There is never an unowned moment (R27). */
export class ComplaintAssignedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) regionId?: string;
  @IsString() @Length(1, 64) assigneeId: string;
  @IsOptional() @IsString() @Length(1, 64) previousAssigneeId?: string;
  @IsOptional() @IsIn(COMPLAINT_ASSIGNMENT_VIAS) via?: ComplaintAssignmentViaValue;
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
  @IsIn(COMPLAINT_ESCALATION_LEVELS) escalationLevel: ComplaintEscalationLevelValue;
  @IsString() @Length(1, 64) assignedBy: string;
  @IsInstant() assignedAt: string;
}

export const complaintAssignedV1Example: ComplaintAssignedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  regionId: 'region-east',
  assigneeId: 'agent-hq-03',
  previousAssigneeId: 'staff-sh-012-07',
  via: 'escalation',
  note: 'Refund outside store policy',
  severity: 'P2',
  escalationLevel: 'hq_agent',
  assignedBy: 'staff-sh-012-07',
  assignedAt: '2026-01-05T03:00:00.000Z',
};
