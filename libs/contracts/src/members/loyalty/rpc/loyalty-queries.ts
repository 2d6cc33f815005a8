import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IntegerString } from '../../../transforms.js';
import { IsCalendarDate, IsInstant } from '../../../validators.js';
import { MEMBER_ANALYSES, LOYALTY_MONTH_PATTERN, type MemberAnalysisValue } from '../loyalty-vocabulary.js';

export class GetPointsQuery {
  @IsString() @Length(1, 64) memberId: string;
  /** The ledger as it stood at that instant. */
  @IsOptional() @IsInstant() asOf?: string;
}

export class GetRedemptionQuery {
  @IsString() @Length(1, 64) redemptionId: string;
}

export class TierHistoryQuery {
  @IsString() @Length(1, 64) memberId: string;
}

class MonthlyListQuery {
  @IsString() @Matches(LOYALTY_MONTH_PATTERN, { message: '$property must be a YYYY-MM month' }) month: string;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @Length(1, 500) cursor?: string;
}

/** 到期会员名单: memberships expiring in `month`. */
export class ExpiringMembersQuery extends MonthlyListQuery {}

/** The birthday work list for `month`. */
export class BirthdayListQuery extends MonthlyListQuery {}

/** The ranking of `month` by net spend, as published by the run on the 1st of the month after. */
export class RankingsQuery extends MonthlyListQuery {}

/** `GET /v1/analytics/members/{analysis}?…`; `from`/`to` are local calendar days, both included. */
export class MemberAnalysisRequest {
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsString() @Length(1, 64) regionId?: string;
  @IsOptional() @IsString() @IsCalendarDate() from?: string;
  @IsOptional() @IsString() @IsCalendarDate() to?: string;
  @IsOptional() @IsInstant() asOf?: string;
}

export class MemberAnalysisQuery extends MemberAnalysisRequest {
  @IsIn(MEMBER_ANALYSES) analysis: MemberAnalysisValue;
}
