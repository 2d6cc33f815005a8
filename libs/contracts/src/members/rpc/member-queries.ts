import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../../validators.js';
import { MEMBER_STATUSES, type MemberStatusValue } from '../member-vocabulary.js';
import { IntegerString } from '../../transforms.js';
import { IsCalendarDate } from './validators.js';

export class GetMemberQuery {
  @IsString() @Length(1, 64) memberId: string;
  /** ISO-8601 instant: the member as it was then. */
  @IsOptional() @IsInstant() asOf?: string;
}

class PageQuery {
  /** Numbers, or numeric strings straight from a query string. */
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @Length(1, 500) cursor?: string;
}

export class ListMembersQuery extends PageQuery {
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsIn(MEMBER_STATUSES) status?: MemberStatusValue;
  @IsOptional() @IsString() @Length(1, 32) tier?: string;
  /** Free-text search (name, member number). */
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

/** The periodic completeness check (R97): active members whose profile lacks a required field. */
export class ProfileCompletenessQuery extends PageQuery {
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
}

/** HQ's daily review queue (每日新录入); `date` is the entry day, default today. */
export class ReviewQueueQuery extends PageQuery {
  @IsOptional() @IsString() @IsCalendarDate() date?: string;
}

export class MemberHistoryQuery {
  @IsString() @Length(1, 64) memberId: string;
}
