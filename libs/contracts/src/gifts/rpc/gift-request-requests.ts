import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../validators.js';
import { GIFT_REQUEST_PURPOSES, GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY, type GiftRequestPurposeValue } from '../gift-vocabulary.js';
import { GiftQuantityLineDto, NestedInstances, NOT_BLANK, notBlank, skuMessage } from './shared.js';

/** `POST /v1/gift-requests` (礼品申请单): a store asks HQ for gifts. */
export class CreateGiftRequestRequest {
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(GIFT_REQUEST_PURPOSES) purpose: GiftRequestPurposeValue;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(GiftQuantityLineDto)
  lines: GiftQuantityLineDto[];
  @IsOptional() @IsCalendarDate() requestedDeliveryDate?: string;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class SubmitGiftRequestRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

/** Approved quantities: never above requested, never above what HQ has free (a line may be 0). */
export class ApprovedGiftLineDto {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) quantity: number;
}

export class ApproveGiftRequestRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(ApprovedGiftLineDto)
  lines: ApprovedGiftLineDto[];
  @IsOptional() @IsString() @Length(1, 1000) comment?: string;
}

export class RejectGiftRequestRequest {
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) reason: string;
}

/** `POST /v1/gift-requests/{id}/dispatch` (warehouse). */
export class DispatchGiftRequestRequest {
  @IsInstant() expectedArrival: string;
  @IsOptional() @IsString() @Length(1, 64) waybillNo?: string;
}

/** `received` counts every unit that arrived, damaged ones included; damaged units do not enter on-hand. */
export class ReceivedGiftLineDto {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) received: number;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) damaged: number;
}

export class ReceiveGiftRequestRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(ReceivedGiftLineDto)
  lines: ReceivedGiftLineDto[];
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

/** `POST /v1/gift-requests/{id}/resolve-discrepancy`: the investigation's outcome (written off, carrier claim…). */
export class ResolveGiftDiscrepancyRequest {
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) resolution: string;
}

/** `POST /v1/gift-requests/new-store-kits`: an opening kit pushed to a new store without a request (R113). */
export class DispatchNewStoreKitRequest {
  @IsString() @Length(1, 64) storeId: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(GiftQuantityLineDto)
  lines: GiftQuantityLineDto[];
  @IsInstant() expectedArrival: string;
  @IsOptional() @IsString() @Length(1, 64) waybillNo?: string;
}
