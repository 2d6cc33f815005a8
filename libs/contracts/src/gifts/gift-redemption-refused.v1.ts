import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_REDEMPTION_REFUSALS, GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY, type GiftRedemptionRefusalValue } from './gift-vocabulary.js';

export const giftRedemptionRefusedV1 = {
  type: 'gifts.GiftRedemptionRefused',
  version: 1,
  subject: 'gifts.evt.GiftRedemptionRefused.v1',
} as const satisfies IntegrationEventDescriptor;

/** The answer to IssueRedemptionGift when it cannot be issued; members releases the held points. */
export class GiftRedemptionRefusedV1 {
  @IsString() @Length(1, 64) redemptionId: string;
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;
  @IsIn(GIFT_REDEMPTION_REFUSALS) reason: GiftRedemptionRefusalValue;
  @IsInstant() refusedAt: string;
}

export const giftRedemptionRefusedV1Example: GiftRedemptionRefusedV1 = {
  redemptionId: 'r-0b9e2c4e-0002',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  giftSku: 'GIFT-SCARF-01',
  quantity: 2,
  reason: 'out_of_stock',
  refusedAt: '2026-01-06T03:00:01.000Z',
};
