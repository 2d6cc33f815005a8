import type { GiftsCommandEnvelope } from '../shared/gifts-actor.js';
import type { GiftCategory, GiftDetails, MinimumStock } from './gift.values.js';

export interface DefineGift extends GiftsCommandEnvelope, Omit<GiftDetails, 'highValue'> {
  type: 'DefineGift';
  sku: string;
  highValue?: boolean;
}

export interface UpdateGift extends GiftsCommandEnvelope {
  type: 'UpdateGift';
  sku: string;
  name?: string;
  spec?: string;
  unit?: string;
  unitCost?: number;
  pointsPrice?: number;
  category?: GiftCategory;
  minStock?: MinimumStock;
  highValue?: boolean;
  active?: boolean;
}

export type GiftCommand = DefineGift | UpdateGift;
