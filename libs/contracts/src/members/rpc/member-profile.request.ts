import { IsBoolean, IsEmail, IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NestedInstance } from '../../transforms.js';
import { MEMBER_MOBILE_PATTERN } from '../member-vocabulary.js';
import { MemberMarketingConsentDto, MemberPreferencesDto } from './submit-member-application.request.js';

/** RPC subjects of member profile upkeep (`/v1/members/{id}/contact|preferences|consent|identity-checks|close`). */
export const MembersProfileRpc = {
  ChangeContact: 'members.rpc.ChangeContact',
  UpdatePreferences: 'members.rpc.UpdatePreferences',
  UpdateConsent: 'members.rpc.UpdateConsent',
  RecordIdentityCheck: 'members.rpc.RecordIdentityCheck',
  CloseMembership: 'members.rpc.CloseMembership',
} as const;

export const IDENTITY_CHECK_METHOD_VALUES = ['sms_code', 'member_no_and_birth_date', 'service_password', 'id_document'] as const;
export type IdentityCheckMethodValue = (typeof IDENTITY_CHECK_METHOD_VALUES)[number];

/** `POST /v1/members/{id}/contact`: a new mobile stays unique and frees the old one. */
export class ChangeMemberContactRequest {
  @IsOptional() @IsString() @Matches(MEMBER_MOBILE_PATTERN, { message: '$property must be an 11-digit mobile number starting with 1' }) mobile?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @IsString() @Length(1, 200) @Matches(/\S/, { message: '$property must not be blank' }) postalAddress?: string;
}
export class ChangeMemberContactCommand extends ChangeMemberContactRequest {
  @IsString() @Length(1, 64) memberId: string;
}

export class UpdateMemberPreferencesRequest {
  @IsObject() @ValidateNested() @NestedInstance(MemberPreferencesDto) preferences: MemberPreferencesDto;
}
export class UpdateMemberPreferencesCommand extends UpdateMemberPreferencesRequest {
  @IsString() @Length(1, 64) memberId: string;
}

export class UpdateMemberConsentRequest {
  @IsObject() @ValidateNested() @NestedInstance(MemberMarketingConsentDto) marketingConsent: MemberMarketingConsentDto;
}
export class UpdateMemberConsentCommand extends UpdateMemberConsentRequest {
  @IsString() @Length(1, 64) memberId: string;
}

/** `POST /v1/members/{id}/identity-checks`: recorded before a full profile is shown to a caller (R103). */
export class RecordIdentityCheckRequest {
  @IsIn(IDENTITY_CHECK_METHOD_VALUES) method: IdentityCheckMethodValue;
  @IsBoolean() passed: boolean;
  /** The case the caller is being served under (a complaint, a call). */
  @IsOptional() @IsString() @Length(1, 64) caseRef?: string;
}
export class RecordIdentityCheckCommand extends RecordIdentityCheckRequest {
  @IsString() @Length(1, 64) memberId: string;
}

/** `POST /v1/members/{id}/close`: closes the membership and anonymises its personal data. */
export class CloseMembershipRequest {
  @IsString() @Length(1, 500) @Matches(/\S/, { message: '$property must not be blank' }) reason: string;
}
export class CloseMembershipCommand extends CloseMembershipRequest {
  @IsString() @Length(1, 64) memberId: string;
}
