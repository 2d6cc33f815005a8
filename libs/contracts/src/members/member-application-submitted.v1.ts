import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const memberApplicationSubmittedV1 = {
  type: 'members.MemberApplicationSubmitted',
  version: 1,
  subject: 'members.evt.MemberApplicationSubmitted.v1',
} as const satisfies IntegrationEventDescriptor;

/** A store entered a 会员申请表; HQ must review it. Carries no mobile or birth date (§1.7.6). */
export class MemberApplicationSubmittedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 50) name: string;
  @IsIn(['pending_review']) status: 'pending_review';
  @IsOptional() @IsString() @Length(1, 64) applicationNo?: string;
  @IsInstant() submittedAt: string;
}

export const memberApplicationSubmittedV1Example: MemberApplicationSubmittedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  name: '王芳',
  status: 'pending_review',
  submittedAt: '2025-03-01T02:00:00.000Z',
};
