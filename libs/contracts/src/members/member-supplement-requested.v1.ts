import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { MEMBER_SUPPLEMENTABLE_FIELDS, type MemberSupplementableFieldName } from './member-vocabulary.js';

export const memberSupplementRequestedV1 = {
  type: 'members.MemberSupplementRequested',
  version: 1,
  subject: 'members.evt.MemberSupplementRequested.v1',
} as const satisfies IntegrationEventDescriptor;

/** HQ review found missing data; goes to the registering store's work queue. */
export class MemberSupplementRequestedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 50) name: string;
  @IsIn(['needs_supplement']) status: 'needs_supplement';
  @IsArray() @ArrayMinSize(1) @IsIn(MEMBER_SUPPLEMENTABLE_FIELDS, { each: true })
  missingFields: MemberSupplementableFieldName[];
  @IsOptional() @IsString() @MaxLength(500) note?: string;
  @IsInstant() requestedAt: string;
}

export const memberSupplementRequestedV1Example: MemberSupplementRequestedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  name: '王芳',
  status: 'needs_supplement',
  missingFields: ['birthDate', 'postalAddress'],
  note: '请补充生日和邮寄地址',
  requestedAt: '2025-03-02T03:00:00.000Z',
};
