import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GIFT_SKU_PATTERN, GIFT_VARIANCE_REASONS, MAX_GIFT_QUANTITY, type GiftVarianceReasonValue } from '../gift-vocabulary.js';
import { NestedInstances, NOT_BLANK, notBlank, skuMessage } from './shared.js';

/** `POST /v1/stocktakes`: counting starts; the book is pinned now. */
export class StartStocktakeRequest {
  @IsString() @Length(1, 64) locationId: string;
}

export class StocktakeCountLineDto {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) counted: number;
  /** Required on submit for every line whose count differs from the book (§1.6.6). */
  @IsOptional() @IsIn(GIFT_VARIANCE_REASONS) reason?: GiftVarianceReasonValue;
}

/** `POST /v1/stocktakes/{id}/counts`: counted lines (a later count of a SKU replaces the earlier one; both are kept). */
export class RecordStocktakeCountsRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @NestedInstances(StocktakeCountLineDto)
  lines: StocktakeCountLineDto[];
}

export class SubmitStocktakeRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class ApproveStocktakeRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

/** `POST /v1/stocktakes/{id}/recount`: the CS manager sends an escalated count back. */
export class OrderRecountRequest {
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) reason: string;
}
