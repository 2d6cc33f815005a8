import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  COMPLAINT_NOTIFICATION_KINDS,
  COMPLAINT_NOTIFICATION_ROLES,
  COMPLAINT_SEVERITIES,
  type ComplaintNotificationKindValue,
  type ComplaintNotificationRoleValue,
  type ComplaintSeverityValue,
} from './complaint-vocabulary.js';

export const complaintNotificationRequestedV1 = {
  type: 'complaints.ComplaintNotificationRequested',
  version: 1,
  subject: 'complaints.evt.ComplaintNotificationRequested.v1',
} as const satisfies IntegrationEventDescriptor;

/** An alert for one person (SLA warning or breach, P1, escalation, overdue promise, staff complaint, call-back due): a mail/SMS/IM adapter delivers it. `notificationId` is stable: redelivery and restarts repeat the same id. */
export class ComplaintNotificationRequestedV1 {
  @IsString() @Length(1, 200) notificationId: string;
  @IsString() @Length(1, 64) recipientId: string;
  @IsIn(COMPLAINT_NOTIFICATION_ROLES) recipientRole: ComplaintNotificationRoleValue;
  @IsIn(COMPLAINT_NOTIFICATION_KINDS) kind: ComplaintNotificationKindValue;
  @IsString() @Length(1, 64) complaintId: string;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsIn(COMPLAINT_SEVERITIES) severity?: ComplaintSeverityValue;
  @IsString() @Length(1, 200) title: string;
  @IsString() @Length(1, 2000) body: string;
  @IsOptional() @IsInstant() dueAt?: string;
  @IsInstant() requestedAt: string;
}

export const complaintNotificationRequestedV1Example: ComplaintNotificationRequestedV1 = {
  notificationId: 'sla_warning:5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e:resolution:staff-sh-012-07',
  recipientId: 'staff-sh-012-07',
  recipientRole: 'owner',
  kind: 'sla_warning',
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  severity: 'P3',
  title: 'Resolution due soon',
  body: 'Complaint TS-20260105-0001: resolution is due at 2026-01-07T01:00:00.000Z',
  dueAt: '2026-01-07T01:00:00.000Z',
  requestedAt: '2026-01-06T15:24:00.000Z',
};
