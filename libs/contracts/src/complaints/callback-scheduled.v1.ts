import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  CALLBACK_KINDS,
  type CallbackKindValue,
} from './complaint-vocabulary.js';

export const callbackScheduledV1 = {
  type: 'complaints.CallbackScheduled',
  version: 1,
  subject: 'complaints.evt.CallbackScheduled.v1',
} as const satisfies IntegrationEventDescriptor;

/** A call-back is owed (complaint, after-sales, member, sampling), with its due instant. */
export class CallbackScheduledV1 {
  @IsString() @Length(1, 64) callbackId: string;
  @IsIn(CALLBACK_KINDS) kind: CallbackKindValue;
  @IsString() @Length(1, 64) sourceRef: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
  @IsInstant() dueAt: string;
  @IsOptional() @IsBoolean() sampled?: boolean;
  @IsInstant() scheduledAt: string;
}

export const callbackScheduledV1Example: CallbackScheduledV1 = {
  callbackId: 'cb-2026-0001',
  kind: 'complaint',
  sourceRef: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  assigneeId: 'agent-hq-03',
  dueAt: '2026-01-08T02:00:00.000Z',
  sampled: false,
  scheduledAt: '2026-01-06T09:00:00.000Z',
};
