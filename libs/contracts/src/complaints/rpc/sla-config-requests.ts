import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../validators.js';
import { NestedInstance } from '../../transforms.js';

/** [PROPOSED] bounds of an SLA definition: up to 60 days in hours, 1..60 working days. */
export const SLA_MAX_HOURS = 24 * 60;
export const SLA_MAX_WORKING_DAYS = 60;
export const SLA_POLICY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const finite = { allowNaN: false, allowInfinity: false };

/** Strictly below `limit` (class-validator's Max is inclusive). */
function IsBelow(limit: number): PropertyDecorator {
  return ValidateBy({
    name: 'isBelow',
    constraints: [limit],
    validator: { validate: (value) => typeof value === 'number' && value < limit, defaultMessage: () => `$property must be less than ${limit}` },
  });
}

/** Refused when `other` is given too: the two properties are alternatives. */
function NotTogetherWith(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'notTogetherWith',
    constraints: [other],
    validator: {
      validate: (_value, args?: ValidationArguments) => (args?.object as Record<string, unknown>)[other] === undefined,
      defaultMessage: () => `$property and ${other} are alternatives: give exactly one`,
    },
  });
}

export class SlaHoursDto {
  @IsNumber(finite) @IsPositive() @Max(SLA_MAX_HOURS) hours: number;
}

/** Either `hours` (calendar time) or `workingDays` (the working calendar), exactly one. */
export class SlaResolutionDto {
  @ValidateIf((o: SlaResolutionDto) => o.workingDays === undefined || o.hours !== undefined)
  @IsDefined({ message: 'hours or workingDays is required' })
  @IsNumber(finite)
  @IsPositive()
  @Max(SLA_MAX_HOURS)
  hours?: number;

  @ValidateIf((o: SlaResolutionDto) => o.hours === undefined || o.workingDays !== undefined)
  @IsDefined({ message: 'hours or workingDays is required' })
  @NotTogetherWith('hours')
  @IsInt()
  @Min(1)
  @Max(SLA_MAX_WORKING_DAYS)
  workingDays?: number;
}

/** `POST /v1/config/sla-policies/:id`: the new definition; complaints already filed keep theirs. */
export class DefineSlaPolicyRequest {
  @IsObject() @ValidateNested() @NestedInstance(SlaHoursDto) firstResponse: SlaHoursDto;
  @IsObject() @ValidateNested() @NestedInstance(SlaResolutionDto) resolution: SlaResolutionDto;
  /** Fraction of the allowed time after which a warning fires, in (0, 1); 0.8 when absent. */
  @IsOptional() @IsNumber(finite) @IsPositive() @IsBelow(1) warningRatio?: number;
}

export class DefineSlaPolicyCommand extends DefineSlaPolicyRequest {
  @IsString()
  @Matches(SLA_POLICY_ID_PATTERN, { message: '$property must be 1-32 of a-z, 0-9, _ or -, starting with a letter' })
  policyId: string;
}

/** `POST /v1/config/calendars`: replaces the working calendar used for working-day SLA clocks. */
export class DefineWorkingCalendarRequest {
  /** IANA zone ('Asia/Shanghai') or a fixed offset ('+08:00'), as Intl.DateTimeFormat accepts it. */
  @IsString() @Length(1, 64) @IsTimeZone() timezone: string;
  /** 0 = Sunday … 6 = Saturday. */
  @IsArray() @ArrayMaxSize(7) @ArrayUnique() @IsInt({ each: true }) @Min(0, { each: true }) @Max(6, { each: true })
  weekendDays: number[];
  @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @Matches(CALENDAR_DATE_PATTERN, { each: true }) @IsCalendarDate({ each: true })
  holidays: string[];
  /** Working dates even on weekend days (调休). */
  @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @Matches(CALENDAR_DATE_PATTERN, { each: true }) @IsCalendarDate({ each: true })
  makeUpWorkingDays: string[];
}

/** One SLA policy, optionally as it was at `asOf`. */
export class GetSlaPolicyQuery {
  @IsString() @Matches(SLA_POLICY_ID_PATTERN, { message: '$property must be an SLA policy id' }) policyId: string;
  @IsOptional() @IsInstant() asOf?: string;
}

export class SlaPolicyHistoryQuery {
  @IsString() @Matches(SLA_POLICY_ID_PATTERN, { message: '$property must be an SLA policy id' }) policyId: string;
}

/** The working calendar, optionally as it was at `asOf`. */
export class GetWorkingCalendarQuery {
  @IsOptional() @IsInstant() asOf?: string;
}
