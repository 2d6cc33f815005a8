import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { NestedEach } from '../nested-each.js';
import { IsInstant, MAX_AMOUNT_FEN } from '../../../validators.js';
import { PURCHASE_CHANNEL_VALUES, RECEIPT_NO_PATTERN, type PurchaseChannelValue } from '../loyalty-vocabulary.js';

export class PurchaseLineDto {
  @IsString() @Length(1, 64) sku: string;
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  @IsInt() @Min(1) @Max(10_000) quantity: number;
  /** Fen. */
  @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) unitPrice: number;
}

/** `POST /v1/members/{id}/purchases`: one receipt from the POS adapter or store staff; the receipt number makes it idempotent. */
export class RecordPurchaseRequest {
  @IsString() @Matches(RECEIPT_NO_PATTERN, { message: '$property must be 1-64 letters, digits or _.:#/-' }) receiptNo: string;
  @IsString() @Length(1, 64) storeId: string;
  /** What the member paid, in fen. */
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amount: number;
  @IsInstant() purchasedAt: string;
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @NestedEach(PurchaseLineDto) lines: PurchaseLineDto[];
  /** `store` unless the sale came from the online store. */
  @IsOptional() @IsIn(PURCHASE_CHANNEL_VALUES) channel?: PurchaseChannelValue;
}

export class RecordPurchaseCommand extends RecordPurchaseRequest {
  @IsString() @Length(1, 64) memberId: string;
}
