import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_ISSUANCE_REASONS, GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY, type GiftIssuanceReasonValue } from './gift-vocabulary.js';

export const giftIssuedV1 = {
  type: 'gifts.GiftIssued',
  version: 1,
  subject: 'gifts.evt.GiftIssued.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * A gift was handed to a customer (赠品发放登记表). Members keep it in the contact history,
 * complaints mark the compensation fulfilled (`complaintId`). Walk-in customers are not named.
 */
export class GiftIssuedV1 {
  @IsString() @Length(1, 64) issuanceId: string;
  @IsString() @Length(1, 64) locationId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;
  @IsIn(GIFT_ISSUANCE_REASONS) reason: GiftIssuanceReasonValue;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) complaintId?: string;
  @IsOptional() @IsString() @Length(1, 64) entitlementCode?: string;
  @IsOptional() @IsString() @Length(1, 64) redemptionId?: string;
  @IsString() @Length(1, 64) issuedBy: string;
  @IsInstant() issuedAt: string;
}

export const giftIssuedV1Example: GiftIssuedV1 = {
  issuanceId: '8d1e3f5a-2b4c-4d6e-8f0a-1b2c3d4e5f60',
  locationId: 'store-sh-012',
  giftSku: 'GIFT-SCARF-01',
  quantity: 1,
  reason: 'complaint_compensation',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  issuedBy: 'staff-7',
  issuedAt: '2026-01-06T03:00:00.000Z',
};
