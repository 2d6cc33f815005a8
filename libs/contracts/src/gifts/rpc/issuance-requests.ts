import { IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { NestedInstance } from '../../transforms.js';
import { GIFT_ISSUANCE_REASONS, GIFT_SKU_PATTERN, GIFT_WRITE_OFF_REASONS, MAX_GIFT_QUANTITY, type GiftIssuanceReasonValue, type GiftWriteOffReasonValue } from '../gift-vocabulary.js';
import { NOT_BLANK, notBlank, skuMessage } from './shared.js';

/** A walk-in customer (no member record): masked in every list. */
export class GiftCustomerDto {
  @IsString() @Length(1, 50) @Matches(NOT_BLANK, notBlank) name: string;
  @IsString() @Matches(/^1\d{10}$/, { message: '$property must be an 11-digit mobile number starting with 1' }) mobile: string;
}

/**
 * `POST /v1/gift-issuances` (赠品发放登记表). `causeRef` by reason: the complaint id
 * (complaint_compensation), the receipt number (purchase_promotion), the redemption id
 * (points_redemption); a gift card or voucher redeemed is `entitlementCode`.
 */
export class IssueGiftRequest {
  @IsString() @Length(1, 64) locationId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;

  @ValidateIf((o: IssueGiftRequest) => o.customer === undefined || o.memberId !== undefined)
  @IsString()
  @Length(1, 64)
  memberId?: string;

  @ValidateIf((o: IssueGiftRequest) => o.memberId === undefined || o.customer !== undefined)
  @IsDefined({ message: 'memberId or customer is required' })
  @IsObject()
  @ValidateNested()
  @NestedInstance(GiftCustomerDto)
  customer?: GiftCustomerDto;

  @IsIn(GIFT_ISSUANCE_REASONS) reason: GiftIssuanceReasonValue;
  @IsOptional() @IsString() @Length(1, 64) @Matches(NOT_BLANK, notBlank) causeRef?: string;
  @IsOptional() @IsString() @Length(1, 64) entitlementCode?: string;
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class ReverseIssuanceRequest {
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, notBlank) reason: string;
}

/** `POST /v1/gift-stock/write-offs`: damaged or lost in a store or the warehouse, outside a stocktake. */
export class WriteOffStockRequest {
  @IsString() @Length(1, 64) locationId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;
  @IsIn(GIFT_WRITE_OFF_REASONS) reason: GiftWriteOffReasonValue;
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}
