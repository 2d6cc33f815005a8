import { ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { MEMBER_SUPPLEMENTABLE_FIELDS, type MemberSupplementableFieldName } from './member-vocabulary.js';

export const memberApplicationSupplementedV1 = {
  type: 'members.MemberApplicationSupplemented',
  version: 1,
  subject: 'members.evt.MemberApplicationSupplemented.v1',
} as const satisfies IntegrationEventDescriptor;

/** The store completed the data; back in HQ's review queue. Names the fields, never their values. */
export class MemberApplicationSupplementedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 50) name: string;
  @IsIn(['pending_review']) status: 'pending_review';
  @IsArray() @ArrayMinSize(1) @IsIn(MEMBER_SUPPLEMENTABLE_FIELDS, { each: true })
  supplementedFields: MemberSupplementableFieldName[];
  @IsInstant() supplementedAt: string;
}

export const memberApplicationSupplementedV1Example: MemberApplicationSupplementedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  name: '王芳',
  status: 'pending_review',
  supplementedFields: ['birthDate', 'postalAddress'],
  supplementedAt: '2025-03-02T05:00:00.000Z',
};
