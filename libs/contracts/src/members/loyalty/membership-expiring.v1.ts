import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';

export const membershipExpiringV1 = {
  type: 'members.MembershipExpiring',
  version: 1,
  subject: 'members.evt.MembershipExpiring.v1',
} as const satisfies IntegrationEventDescriptor;

/** On the 到期会员名单: call-backs offer the renewal before `expiresAt`. */
export class MembershipExpiringV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() expiresAt: string;
  @IsInt() @Min(1) @Max(90) noticeDays: number;
  @IsInstant() noticedAt: string;
}

export const membershipExpiringV1Example: MembershipExpiringV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  expiresAt: '2026-07-15T00:00:00.000Z',
  noticeDays: 30,
  noticedAt: '2026-07-01T00:00:00.000Z',
};
