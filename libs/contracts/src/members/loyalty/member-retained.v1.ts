import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';
import { RECEIPT_NO_PATTERN } from './loyalty-vocabulary.js';

export const memberRetainedV1 = {
  type: 'members.MemberRetained',
  version: 1,
  subject: 'members.evt.MemberRetained.v1',
} as const satisfies IntegrationEventDescriptor;

/** An at-risk or churned member bought again: retention counts it. */
export class MemberRetainedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Matches(RECEIPT_NO_PATTERN) receiptNo: string;
  @IsIn(['at_risk', 'churned']) previousStatus: 'at_risk' | 'churned';
  @IsInstant() retainedAt: string;
}

export const memberRetainedV1Example: MemberRetainedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  receiptNo: 'POS-20260901-0042',
  previousStatus: 'churned',
  retainedAt: '2026-09-01T06:00:00.000Z',
};
