import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  CALLBACK_KINDS,
  type CallbackKindValue,
} from './complaint-vocabulary.js';

export const callbackUnreachableV1 = {
  type: 'complaints.CallbackUnreachable',
  version: 1,
  subject: 'complaints.evt.CallbackUnreachable.v1',
} as const satisfies IntegrationEventDescriptor;

/** The customer could not be reached after the configured number of attempts. */
export class CallbackUnreachableV1 {
  @IsString() @Length(1, 64) callbackId: string;
  @IsIn(CALLBACK_KINDS) kind: CallbackKindValue;
  @IsString() @Length(1, 64) sourceRef: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInt() @Min(1) @Max(100) unansweredAttempts: number;
  @IsInstant() unreachableAt: string;
}

export const callbackUnreachableV1Example: CallbackUnreachableV1 = {
  callbackId: 'cb-2026-0001',
  kind: 'complaint',
  sourceRef: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  storeId: 'store-sh-012',
  unansweredAttempts: 3,
  unreachableAt: '2026-01-09T03:00:00.000Z',
};
