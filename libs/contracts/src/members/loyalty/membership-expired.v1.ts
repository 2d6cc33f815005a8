import { IsString, Length } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';

export const membershipExpiredV1 = {
  type: 'members.MembershipExpired',
  version: 1,
  subject: 'members.evt.MembershipExpired.v1',
} as const satisfies IntegrationEventDescriptor;

/** Not renewed by its expiry instant. */
export class MembershipExpiredV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() expiresAt: string;
}

export const membershipExpiredV1Example: MembershipExpiredV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  expiresAt: '2026-07-15T00:00:00.000Z',
};
