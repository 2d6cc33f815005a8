import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { NestedInstance } from '../transforms.js';
import { NestedEach } from '../members/loyalty/nested-each.js';
import { IsInstant, MAX_AMOUNT_FEN } from '../validators.js';

/**
 * Consumed, not produced here: the POS / e-commerce adapter's sale, members and non-members alike
 * (the share of member sales needs both). Members counts a member's sale once per `receiptNo`.
 */
export const salesTransactionRecordedV1 = {
  type: 'sales.TransactionRecorded',
  version: 1,
  subject: 'sales.evt.TransactionRecorded.v1',
} as const satisfies IntegrationEventDescriptor;

export class SalesLineV1 {
  @IsString() @Length(1, 64) sku: string;
  @IsInt() @Min(1) @Max(10_000) quantity: number;
  @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) unitPrice: number;
}

/** The online buyer, for the automatic membership after a first successful online purchase (R101). */
export class SalesBuyerV1 {
  @IsString() @Length(1, 50) name: string;
  @IsString() @Matches(/^1\d{10}$/) mobile: string;
}

export class SalesTransactionRecordedV1 {
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}$/) receiptNo: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(['store', 'online']) channel: 'store' | 'online';
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsObject() @ValidateNested() @NestedInstance(SalesBuyerV1) buyer?: SalesBuyerV1;
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amount: number;
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @NestedEach(SalesLineV1) lines: SalesLineV1[];
  @IsInstant() occurredAt: string;
}

export const salesTransactionRecordedV1Example: SalesTransactionRecordedV1 = {
  receiptNo: 'POS-20260601-0778',
  storeId: 'store-sh-012',
  channel: 'store',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  amount: 119800,
  lines: [{ sku: 'JK-DOWN-01-M', quantity: 2, unitPrice: 59900 }],
  occurredAt: '2026-06-01T06:12:00.000Z',
};
