import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { NestedInstances } from '../transforms.js';
import { IsInstant, MAX_AMOUNT_FEN } from '../validators.js';
import { AfterSalesLineV1 } from './after-sales-line.dto.js';

export const afterSalesRefundIssuedV1 = {
  type: 'after-sales.AfterSalesRefundIssued',
  version: 1,
  subject: 'after-sales.evt.AfterSalesRefundIssued.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * Money went back to the customer for returned lines (one event per partial refund). Members
 * reverse the spend and points of `amount` on `orderRef`; (requestId, refundNo) identifies it.
 */
export class AfterSalesRefundIssuedV1 {
  @IsString() @Length(1, 64) requestId: string;
  @IsInt() @Min(1) refundNo: number;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) orderRef?: string;
  /** This refund, in fen. */
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amount: number;
  /** All refunds of the request so far, this one included. */
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) refundedTotal: number;
  /** What was paid for the returned lines: refunds never exceed it. */
  @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) paidForReturnedLines: number;
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(AfterSalesLineV1) lines: AfterSalesLineV1[];
  @IsOptional() @IsString() @Length(1, 64) linkedComplaintId?: string;
  @IsInstant() issuedAt: string;
}

export const afterSalesRefundIssuedV1Example: AfterSalesRefundIssuedV1 = {
  requestId: '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
  refundNo: 1,
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  orderRef: 'POS-20260601-0778',
  amount: 59900,
  refundedTotal: 59900,
  paidForReturnedLines: 119800,
  lines: [{ sku: 'JK-DOWN-01-M', name: 'Down jacket', quantity: 2, unitPrice: 59900 }],
  issuedAt: '2026-06-03T03:00:00.000Z',
};
