import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_AMOUNT_FEN } from '../../validators.js';
import { NestedInstance } from '../../transforms.js';
import { GIFT_CATEGORIES, GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY, type GiftCategoryValue } from '../gift-vocabulary.js';
import { NOT_BLANK, notBlank, skuMessage } from './shared.js';

/** Reorder thresholds per location kind (§1.6.3 minStockHq / minStockStore). */
export class GiftMinimumStockDto {
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) hq: number;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) store: number;
}

/** `POST /v1/gifts`: a catalogue item. */
export class DefineGiftRequest {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
  @IsString() @Length(1, 100) @Matches(NOT_BLANK, notBlank) name: string;
  @IsString() @Length(1, 200) @Matches(NOT_BLANK, notBlank) spec: string;
  @IsString() @Length(1, 20) @Matches(NOT_BLANK, notBlank) unit: string;
  /** Integer minor units (fen). */
  @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) unitCost: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) pointsPrice?: number;
  @IsOptional() @IsIn(GIFT_CATEGORIES) category?: GiftCategoryValue;
  @IsObject() @ValidateNested() @NestedInstance(GiftMinimumStockDto) minStock: GiftMinimumStockDto;
  /** High-value SKUs are counted with zero tolerance. */
  @IsOptional() @IsBoolean() highValue?: boolean;
}

/** `PATCH /v1/gifts/{sku}`: any of the descriptive fields, prices, thresholds, or deactivation. */
export class UpdateGiftRequest {
  @IsOptional() @IsString() @Length(1, 100) @Matches(NOT_BLANK, notBlank) name?: string;
  @IsOptional() @IsString() @Length(1, 200) @Matches(NOT_BLANK, notBlank) spec?: string;
  @IsOptional() @IsString() @Length(1, 20) @Matches(NOT_BLANK, notBlank) unit?: string;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) unitCost?: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) pointsPrice?: number;
  @IsOptional() @IsIn(GIFT_CATEGORIES) category?: GiftCategoryValue;
  @IsOptional() @IsObject() @ValidateNested() @NestedInstance(GiftMinimumStockDto) minStock?: GiftMinimumStockDto;
  @IsOptional() @IsBoolean() highValue?: boolean;
  @IsOptional() @IsBoolean() active?: boolean;
}
