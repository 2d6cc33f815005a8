import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { BooleanString, IntegerString } from '../../transforms.js';
import { IsCalendarDate, IsInstant } from '../../validators.js';
import { AFTER_SALES_STATUSES, AFTER_SALES_TYPES, type AfterSalesStatusValue, type AfterSalesTypeValue } from '../after-sales-vocabulary.js';

export class GetAfterSalesQuery {
  @IsString() @Length(1, 64) requestId: string;
  /** ISO-8601 instant: the request as it was then. */
  @IsOptional() @IsInstant() asOf?: string;
}

export class AfterSalesHistoryQuery {
  @IsString() @Length(1, 64) requestId: string;
}

export class ListAfterSalesQuery {
  @IsOptional() @IsIn(AFTER_SALES_TYPES) type?: AfterSalesTypeValue;
  @IsOptional() @IsIn(AFTER_SALES_STATUSES) status?: AfterSalesStatusValue;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  /** A turnaround clock breached, or past due and still running; 'true' / 'false' from a query string. */
  @IsOptional() @BooleanString() @IsBoolean() overdue?: boolean;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @Length(1, 500) cursor?: string;
}

/** The return register (退换货登记表); dates are local YYYY-MM-DD in the organisation's zone. */
export class ReturnRegisterQuery {
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsString() @IsCalendarDate() from?: string;
  @IsOptional() @IsString() @IsCalendarDate() to?: string;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @IsString() @Length(1, 500) cursor?: string;
}
