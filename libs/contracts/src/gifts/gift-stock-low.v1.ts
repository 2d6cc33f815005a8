import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_LOCATION_KINDS, GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY, type GiftLocationKindValue } from './gift-vocabulary.js';

export const giftStockLowV1 = {
  type: 'gifts.GiftStockLow',
  version: 1,
  subject: 'gifts.evt.GiftStockLow.v1',
} as const satisfies IntegrationEventDescriptor;

/** A location's available stock of a SKU fell below the minimum for its kind (reorder signal). */
export class GiftStockLowV1 {
  @IsString() @Length(1, 64) locationId: string;
  @IsIn(GIFT_LOCATION_KINDS) locationKind: GiftLocationKindValue;
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) available: number;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) minimum: number;
  @IsInstant() at: string;
}

export const giftStockLowV1Example: GiftStockLowV1 = {
  locationId: 'HQ',
  locationKind: 'hq',
  giftSku: 'GIFT-SCARF-01',
  available: 9,
  minimum: 10,
  at: '2026-01-06T03:00:00.000Z',
};
