import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const complaintPromiseOverdueV1 = {
  type: 'complaints.ComplaintPromiseOverdue',
  version: 1,
  subject: 'complaints.evt.ComplaintPromiseOverdue.v1',
} as const satisfies IntegrationEventDescriptor;

/** Something promised to the customer with an accepted solution was not kept by its due instant (R35, R43). */
export class ComplaintPromiseOverdueV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInt() @Min(1) @Max(1000) promiseNo: number;
  @IsString() @Length(1, 500) what: string;
  @IsInstant() dueAt: string;
  @IsInstant() overdueAt: string;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
}

export const complaintPromiseOverdueV1Example: ComplaintPromiseOverdueV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  promiseNo: 1,
  what: 'Replacement jacket delivered',
  dueAt: '2026-01-07T10:00:00.000Z',
  overdueAt: '2026-01-07T10:00:02.000Z',
  assigneeId: 'agent-hq-03',
};
