import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { MEMBER_GENDERS, MEMBER_MOBILE_PATTERN, type MemberGenderValue } from '../member-vocabulary.js';
import { NestedInstance } from '../../transforms.js';
import { IsBirthDate } from './validators.js';

/** 熟客档案 preferences. */
export class MemberPreferencesDto {
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 50, { each: true })
  styles?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 50, { each: true })
  sizes?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 50, { each: true })
  colours?: string[];
}

export class MemberMarketingConsentDto {
  @IsOptional() @IsBoolean() sms?: boolean;
  @IsOptional() @IsBoolean() post?: boolean;
  @IsOptional() @IsBoolean() phone?: boolean;
}

/** Personal fields a store may supply at submission or later as a supplement. */
export class MemberOptionalFieldsDto {
  @IsOptional() @IsIn(MEMBER_GENDERS) gender?: MemberGenderValue;
  @IsOptional() @IsString() @IsBirthDate() birthDate?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @IsString() @Length(1, 200) @Matches(/\S/, { message: '$property must not be blank' })
  postalAddress?: string;
  @IsOptional() @IsObject() @ValidateNested() @NestedInstance(MemberPreferencesDto) preferences?: MemberPreferencesDto;
  @IsOptional() @IsObject() @ValidateNested() @NestedInstance(MemberMarketingConsentDto) marketingConsent?: MemberMarketingConsentDto;
}

/** `POST /v1/members`: the 会员申请表 as entered by the store. */
export class SubmitMemberApplicationRequest extends MemberOptionalFieldsDto {
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 50) @Matches(/\S/, { message: '$property must not be blank' }) name: string;
  @IsString() @Matches(MEMBER_MOBILE_PATTERN, { message: '$property must be an 11-digit mobile number starting with 1' })
  mobile: string;
}
