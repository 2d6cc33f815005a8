import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY } from './gift-vocabulary.js';

export const giftIssuanceReversedV1 = {
  type: 'gifts.GiftIssuanceReversed',
  version: 1,
  subject: 'gifts.evt.GiftIssuanceReversed.v1',
} as const satisfies IntegrationEventDescriptor;

/** The customer gave the gift back (e.g. with a goods return); the stock was put back. */
export class GiftIssuanceReversedV1 {
  @IsString() @Length(1, 64) issuanceId: string;
  @IsString() @Length(1, 64) locationId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) complaintId?: string;
  @IsString() @Length(1, 500) reason: string;
  @IsInstant() reversedAt: string;
}

export const giftIssuanceReversedV1Example: GiftIssuanceReversedV1 = {
  issuanceId: '8d1e3f5a-2b4c-4d6e-8f0a-1b2c3d4e5f60',
  locationId: 'store-sh-012',
  giftSku: 'GIFT-SCARF-01',
  quantity: 1,
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  reason: 'Returned with the jacket',
  reversedAt: '2026-01-08T03:00:00.000Z',
};
