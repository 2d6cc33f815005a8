import { IsArray, IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { NestedInstances } from './rpc/shared.js';
import {
  GIFT_LOCATION_KINDS,
  GIFT_PERIOD_PATTERN,
  GIFT_SKU_PATTERN,
  MAX_GIFT_QUANTITY,
  type GiftLocationKindValue,
} from './gift-vocabulary.js';

export const giftStocktakeConfirmedV1 = {
  type: 'gifts.GiftStocktakeConfirmed',
  version: 1,
  subject: 'gifts.evt.GiftStocktakeConfirmed.v1',
} as const satisfies IntegrationEventDescriptor;

export class GiftStocktakeVarianceLineV1 {
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) bookQty: number;
  @IsInt() @Min(0) @Max(MAX_GIFT_QUANTITY) countedQty: number;
  /** counted − book; the adjustment applied to the stock. */
  @IsInt() varianceQty: number;
  /** Integer minor units (fen): varianceQty × unit cost. */
  @IsInt() varianceValue: number;
}

/** A stocktake was approved; its variances were adjusted into the stock. */
export class GiftStocktakeConfirmedV1 {
  @IsString() @Length(1, 64) stocktakeId: string;
  @IsString() @Length(1, 64) locationId: string;
  @IsIn(GIFT_LOCATION_KINDS) locationKind: GiftLocationKindValue;
  @IsString() @Matches(GIFT_PERIOD_PATTERN) period: string;
  @IsArray() @ValidateNested({ each: true }) @NestedInstances(GiftStocktakeVarianceLineV1) lines: GiftStocktakeVarianceLineV1[];
  @IsInstant() confirmedAt: string;
}

export const giftStocktakeConfirmedV1Example: GiftStocktakeConfirmedV1 = {
  stocktakeId: 'st-2026-01-store-sh-012',
  locationId: 'store-sh-012',
  locationKind: 'store',
  period: '2026-01',
  lines: [{ giftSku: 'GIFT-SCARF-01', bookQty: 12, countedQty: 11, varianceQty: -1, varianceValue: -3500 }],
  confirmedAt: '2026-01-31T10:00:00.000Z',
};
