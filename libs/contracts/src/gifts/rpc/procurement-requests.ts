import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_AMOUNT_FEN } from '../../validators.js';
import { GIFT_PERIOD_PATTERN } from '../gift-vocabulary.js';
import { GiftQuantityLineDto, NestedInstances, NOT_BLANK, notBlank } from './shared.js';

export class ProcurementPlanLineDto extends GiftQuantityLineDto {
  /** Integer minor units (fen) per unit. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) estimatedUnitCost?: number;
  /** Why: forecast birthdays, promotions, new stores… */
  @IsOptional() @IsString() @Length(1, 500) basis?: string;
}

const periodMessage = { message: '$property must be a period YYYY-MM' };

/** `POST /v1/procurement-plans` (礼品采购需求计划). */
export class CreateProcurementPlanRequest {
  @IsString() @Matches(GIFT_PERIOD_PATTERN, periodMessage) period: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @NestedInstances(ProcurementPlanLineDto)
  lines: ProcurementPlanLineDto[];
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

/** `POST /v1/procurement-plans/{id}/revise`: a draft or rejected plan gets new lines. */
export class ReviseProcurementPlanRequest {
  @IsOptional() @IsString() @Matches(GIFT_PERIOD_PATTERN, periodMessage) period?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @NestedInstances(ProcurementPlanLineDto)
  lines: ProcurementPlanLineDto[];
}

export class SubmitProcurementPlanRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class ApproveProcurementPlanRequest {
  @IsOptional() @IsString() @Length(1, 1000) comment?: string;
}

export class RejectProcurementPlanRequest {
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) reason: string;
}

/** `POST /v1/procurement-plans/{id}/order`: administration placed the purchase order. */
export class OrderProcurementPlanRequest {
  @IsString() @Length(1, 64) @Matches(NOT_BLANK, notBlank) purchaseOrderRef: string;
}

/** `POST /v1/procurement-plans/{id}/receive`: goods into HQ stock. */
export class ReceiveProcurementPlanRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @NestedInstances(GiftQuantityLineDto)
  lines: GiftQuantityLineDto[];
}
