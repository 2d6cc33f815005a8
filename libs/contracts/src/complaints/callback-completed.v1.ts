import { IsBoolean, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  CALLBACK_KINDS,
  type CallbackKindValue,
} from './complaint-vocabulary.js';

export const callbackCompletedV1 = {
  type: 'complaints.CallbackCompleted',
  version: 1,
  subject: 'complaints.evt.CallbackCompleted.v1',
} as const satisfies IntegrationEventDescriptor;

/** The customer was reached and answered; an unsatisfied complaint call-back reopens the complaint. */
export class CallbackCompletedV1 {
  @IsString() @Length(1, 64) callbackId: string;
  @IsIn(CALLBACK_KINDS) kind: CallbackKindValue;
  @IsString() @Length(1, 64) sourceRef: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInt() @Min(1) @Max(5) satisfaction: number;
  @IsBoolean() satisfied: boolean;
  @IsString() @Length(1, 64) completedBy: string;
  @IsInstant() completedAt: string;
}

export const callbackCompletedV1Example: CallbackCompletedV1 = {
  callbackId: 'cb-2026-0001',
  kind: 'complaint',
  sourceRef: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  satisfaction: 5,
  satisfied: true,
  completedBy: 'agent-hq-03',
  completedAt: '2026-01-08T03:00:00.000Z',
};
