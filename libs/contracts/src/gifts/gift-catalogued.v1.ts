import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant, MAX_AMOUNT_FEN } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_SKU_PATTERN } from './gift-vocabulary.js';

export const giftCataloguedV1 = {
  type: 'gifts.GiftCatalogued',
  version: 1,
  subject: 'gifts.evt.GiftCatalogued.v1',
} as const satisfies IntegrationEventDescriptor;

/** A catalogue item was defined or changed: members keep the points price of redeemable gifts. */
export class GiftCataloguedV1 {
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsString() @Length(1, 100) name: string;
  @IsString() @Length(1, 20) unit: string;
  /** Points per unit; absent when the gift cannot be redeemed for points. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) pointsPrice?: number;
  @IsBoolean() active: boolean;
  @IsInstant() at: string;
}

export const giftCataloguedV1Example: GiftCataloguedV1 = {
  giftSku: 'GIFT-SCARF-01',
  name: 'Silk scarf',
  unit: 'piece',
  pointsPrice: 1200,
  active: true,
  at: '2026-01-05T02:00:00.000Z',
};
