import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant, MAX_AMOUNT_FEN } from '../../validators.js';
import { PURCHASE_CHANNEL_VALUES, RECEIPT_NO_PATTERN, type PurchaseChannelValue } from './loyalty-vocabulary.js';

export const purchaseRecordedV1 = {
  type: 'members.PurchaseRecorded',
  version: 1,
  subject: 'members.evt.PurchaseRecorded.v1',
} as const satisfies IntegrationEventDescriptor;

/** A member's purchase, counted once per receipt: spend for tiers, rankings and the analyses. */
export class PurchaseRecordedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Matches(RECEIPT_NO_PATTERN) receiptNo: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(PURCHASE_CHANNEL_VALUES) channel: PurchaseChannelValue;
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amount: number;
  @IsInt() @Min(0) @Max(10_000) itemCount: number;
  @IsInstant() purchasedAt: string;
  @IsInstant() recordedAt: string;
}

export const purchaseRecordedV1Example: PurchaseRecordedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  receiptNo: 'POS-20260601-0778',
  storeId: 'store-sh-012',
  channel: 'store',
  amount: 119800,
  itemCount: 2,
  purchasedAt: '2026-06-01T06:12:00.000Z',
  recordedAt: '2026-06-01T06:12:03.000Z',
};
