import { IsIn, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const memberActivatedV1 = {
  type: 'members.MemberActivated',
  version: 1,
  subject: 'members.evt.MemberActivated.v1',
} as const satisfies IntegrationEventDescriptor;

/** HQ approved a complete record (R84); the member is active at the standard tier. */
export class MemberActivatedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 32) memberNo: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 50) name: string;
  @IsIn(['active']) status: 'active';
  @IsIn(['standard']) tier: 'standard';
  @IsInstant() activatedAt: string;
}

export const memberActivatedV1Example: MemberActivatedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  memberNo: '000042',
  storeId: 'store-sh-012',
  name: '王芳',
  status: 'active',
  tier: 'standard',
  activatedAt: '2025-03-02T06:00:00.000Z',
};
