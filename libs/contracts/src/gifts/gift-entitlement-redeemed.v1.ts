import { IsString, Length, Matches } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_SKU_PATTERN } from './gift-vocabulary.js';

export const giftEntitlementRedeemedV1 = {
  type: 'gifts.GiftEntitlementRedeemed',
  version: 1,
  subject: 'gifts.evt.GiftEntitlementRedeemed.v1',
} as const satisfies IntegrationEventDescriptor;

/** An entitlement was redeemed at a store for a gift (the redemption rate is its effect tracking). */
export class GiftEntitlementRedeemedV1 {
  @IsString() @Length(1, 64) entitlementId: string;
  @IsString() @Length(1, 64) code: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 64) issuanceId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInstant() redeemedAt: string;
}

export const giftEntitlementRedeemedV1Example: GiftEntitlementRedeemedV1 = {
  entitlementId: 'e-5f0c7a2e-1',
  code: 'GV-7K3M9Q2P',
  storeId: 'store-sh-012',
  issuanceId: '8d1e3f5a-2b4c-4d6e-8f0a-1b2c3d4e5f60',
  giftSku: 'GIFT-SCARF-01',
  redeemedAt: '2026-01-10T03:00:00.000Z',
};
