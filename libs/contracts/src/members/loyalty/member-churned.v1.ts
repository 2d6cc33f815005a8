import { IsInt, IsString, Length, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';

export const memberChurnedV1 = {
  type: 'members.MemberChurned',
  version: 1,
  subject: 'members.evt.MemberChurned.v1',
} as const satisfies IntegrationEventDescriptor;

/** 流失: at risk and still no purchase by the churn day; the 流失会员回访 asks why. */
export class MemberChurnedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() lastActivityAt: string;
  @IsInt() @Min(1) inactiveDays: number;
  @IsInstant() markedAt: string;
}

export const memberChurnedV1Example: MemberChurnedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  lastActivityAt: '2026-03-01T06:12:00.000Z',
  inactiveDays: 180,
  markedAt: '2026-08-28T06:12:00.000Z',
};
