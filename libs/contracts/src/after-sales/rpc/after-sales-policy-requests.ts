import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsTimeZone,
  Length,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { NestedInstance } from '../../transforms.js';
import { IsCalendarDate, IsInstant } from '../../validators.js';
import { AFTER_SALES_REASONS, type AfterSalesReasonValue } from '../after-sales-vocabulary.js';

/** Category → the conditions an inspection may fail on; `default` covers the rest. */
function IsConditionMap(): PropertyDecorator {
  return ValidateBy({
    name: 'isConditionMap',
    validator: {
      validate: (value: unknown) =>
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Array.isArray((value as Record<string, unknown>).default) &&
        Object.keys(value).length <= 100 &&
        Object.entries(value).every(
          ([k, v]) => /^[a-z][a-z0-9_-]{0,39}$/.test(k) && Array.isArray(v) && v.length >= 1 && v.length <= 50 && v.every((c) => typeof c === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(c)),
        ),
      defaultMessage: () => '$property must map categories (with `default`) to lists of condition names',
    },
  });
}

export class TurnaroundDto {
  @IsInt() @Min(1) @Max(1000) unitsPerBlock: number;
  @IsInt() @Min(1) @Max(60) workingDaysPerBlock: number;
}

/** `PUT`-like full definition under `POST /v1/config/after-sales-policy`; requests filed before keep theirs. */
export class DefineAfterSalesPolicyRequest {
  @IsInt() @Min(0) @Max(365) returnWindowDays: number;
  @IsString() @Length(1, 64) @IsTimeZone() timezone: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(AFTER_SALES_REASONS, { each: true }) allowedReasons: AfterSalesReasonValue[];
  @IsNumber({ allowNaN: false, allowInfinity: false }) @IsPositive() @Max(720) onSiteVisitHours: number;
  @IsObject() @ValidateNested() @NestedInstance(TurnaroundDto) turnaround: TurnaroundDto;
  @IsInt() @Min(0) @Max(60) callbackDueDays: number;
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @Length(1, 40, { each: true }) nonReturnableCategories: string[];
  @IsConditionMap() inspectionConditions: Record<string, string[]>;
  @IsArray() @ArrayMaxSize(6) @ArrayUnique() @IsInt({ each: true }) @Min(0, { each: true }) @Max(6, { each: true }) weekendDays: number[];
  @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @IsCalendarDate({ each: true }) holidays: string[];
  @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @IsCalendarDate({ each: true }) makeUpWorkingDays: string[];
}

export class GetAfterSalesPolicyQuery {
  @IsOptional() @IsInstant() asOf?: string;
}
