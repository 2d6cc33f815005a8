import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  GIFT_ENTITLEMENT_KINDS,
  GIFT_ENTITLEMENT_SOURCES,
  GIFT_SKU_PATTERN,
  type GiftEntitlementKindValue,
  type GiftEntitlementSourceValue,
} from './gift-vocabulary.js';

export const giftEntitlementIssuedV1 = {
  type: 'gifts.GiftEntitlementIssued',
  version: 1,
  subject: 'gifts.evt.GiftEntitlementIssued.v1',
} as const satisfies IntegrationEventDescriptor;

/** A gift card, birthday gift card or voucher was issued to a member, redeemable once in its validity. */
export class GiftEntitlementIssuedV1 {
  @IsString() @Length(1, 64) entitlementId: string;
  @IsString() @Length(1, 64) code: string;
  @IsIn(GIFT_ENTITLEMENT_KINDS) kind: GiftEntitlementKindValue;
  @IsIn(GIFT_ENTITLEMENT_SOURCES) source: GiftEntitlementSourceValue;
  @IsOptional() @IsString() @Length(1, 64) sourceRef?: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Matches(GIFT_SKU_PATTERN) giftSku?: string;
  @IsInstant() validFrom: string;
  @IsInstant() validUntil: string;
  @IsInstant() issuedAt: string;
}

export const giftEntitlementIssuedV1Example: GiftEntitlementIssuedV1 = {
  entitlementId: 'e-5f0c7a2e-1',
  code: 'GV-7K3M9Q2P',
  kind: 'voucher',
  source: 'complaint_compensation',
  sourceRef: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  giftSku: 'GIFT-SCARF-01',
  validFrom: '2026-01-05T08:00:00.000Z',
  validUntil: '2026-02-04T08:00:00.000Z',
  issuedAt: '2026-01-05T08:00:00.000Z',
};
