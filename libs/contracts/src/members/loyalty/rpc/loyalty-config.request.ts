import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NestedInstance } from '../../../transforms.js';
import { NestedEach } from '../nested-each.js';
import { IsInstant } from '../../../validators.js';
import { TIER_CODE_PATTERN } from '../loyalty-vocabulary.js';

export class LoyaltyTierDto {
  @IsString() @Matches(TIER_CODE_PATTERN, { message: '$property must be a lower-case code' }) code: string;
  @IsString() @Length(1, 50) @Matches(/\S/, { message: '$property must not be blank' }) name: string;
  /** 12-month net spend in fen from which the tier applies; the first tier starts at 0, then strictly rising. */
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) minNetSpend12m: number;
  @IsBoolean() vip: boolean;
}

export class EarnRateDto {
  @IsInt() @Min(1) @Max(1_000) points: number;
  /** Fen. */
  @IsInt() @Min(1) @Max(1_000_000) perAmount: number;
}

/** `PUT /v1/config/loyalty`: the whole rule set; cross-field rules (rising thresholds, churn after at-risk) are the aggregate's. */
export class SetLoyaltyConfigRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @NestedEach(LoyaltyTierDto) tiers: LoyaltyTierDto[];
  @IsObject() @ValidateNested() @NestedInstance(EarnRateDto) earnRate: EarnRateDto;
  @IsInt() @Min(0) @Max(90) vestingDays: number;
  @IsInt() @Min(1) @Max(3650) lotExpiryDays: number;
  @IsInt() @Min(1) @Max(120) membershipValidityMonths: number;
  @IsInt() @Min(1) @Max(90) expiringNoticeDays: number;
  @IsInt() @Min(1) @Max(3649) atRiskAfterDays: number;
  @IsInt() @Min(2) @Max(3650) churnedAfterDays: number;
  @IsInt() @Min(0) @Max(60) birthdayLeadDays: number;
  @IsInt() @Min(1) @Max(1000) rankingSize: number;
  @IsInt() @Min(1) @Max(10_080) redemptionTimeoutMinutes: number;
  @IsString() @Length(1, 64) timezone: string;
  /** Lower bounds in fen of the spending-level bands, from 0. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(12) @IsInt({ each: true }) @Min(0, { each: true }) spendBands: number[];
  /** Lower bounds in years of the age bands after the first. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(12) @IsInt({ each: true }) @Min(1, { each: true }) @Max(120, { each: true }) ageBands: number[];
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class GetLoyaltyConfigQuery {
  /** The rules in force at that instant. */
  @IsOptional() @IsInstant() asOf?: string;
}

export class LoyaltyConfigHistoryQuery {}
