import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY } from './gift-vocabulary.js';

export const giftRedemptionIssuedV1 = {
  type: 'gifts.GiftRedemptionIssued',
  version: 1,
  subject: 'gifts.evt.GiftRedemptionIssued.v1',
} as const satisfies IntegrationEventDescriptor;

/** The answer to IssueRedemptionGift: the gift was issued from the store's stock; members spends the held points. */
export class GiftRedemptionIssuedV1 {
  @IsString() @Length(1, 64) redemptionId: string;
  @IsString() @Length(1, 64) issuanceId: string;
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;
  @IsInstant() issuedAt: string;
}

export const giftRedemptionIssuedV1Example: GiftRedemptionIssuedV1 = {
  redemptionId: 'r-0b9e2c4e-0001',
  issuanceId: '8d1e3f5a-2b4c-4d6e-8f0a-1b2c3d4e5f61',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  giftSku: 'GIFT-SCARF-01',
  quantity: 1,
  issuedAt: '2026-01-06T03:00:01.000Z',
};
