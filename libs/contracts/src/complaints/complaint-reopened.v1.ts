import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const complaintReopenedV1 = {
  type: 'complaints.ComplaintReopened',
  version: 1,
  subject: 'complaints.evt.ComplaintReopened.v1',
} as const satisfies IntegrationEventDescriptor;

/** A resolved or closed complaint is worked again: by a manager, or because its call-back found the customer unsatisfied. */
export class ComplaintReopenedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 2000) reason: string;
  @IsInt() @Min(1) @Max(1000) reopenCount: number;
  @IsOptional() @IsString() @Length(1, 64) callbackId?: string;
  @IsOptional() @IsInstant() resolutionDueAt?: string;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
  @IsString() @Length(1, 64) reopenedBy: string;
  @IsInstant() reopenedAt: string;
}

export const complaintReopenedV1Example: ComplaintReopenedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  reason: 'Customer unsatisfied at the call-back',
  reopenCount: 1,
  callbackId: 'cb-2026-0001',
  resolutionDueAt: '2026-01-10T02:00:00.000Z',
  assigneeId: 'agent-hq-03',
  reopenedBy: 'system:callbacks',
  reopenedAt: '2026-01-08T02:00:00.000Z',
};
