import { IsInt, IsString, Length, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';

export const memberAtRiskV1 = {
  type: 'members.MemberAtRisk',
  version: 1,
  subject: 'members.evt.MemberAtRisk.v1',
} as const satisfies IntegrationEventDescriptor;

/** No purchase for the configured days: a retention call-back is due. */
export class MemberAtRiskV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() lastActivityAt: string;
  @IsInt() @Min(1) inactiveDays: number;
  @IsInstant() markedAt: string;
}

export const memberAtRiskV1Example: MemberAtRiskV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  lastActivityAt: '2026-03-01T06:12:00.000Z',
  inactiveDays: 90,
  markedAt: '2026-05-30T06:12:00.000Z',
};
