import type { GiftDetails } from './gift.values.js';

export type GiftStatus = 'active' | 'inactive';

export interface Gift extends GiftDetails {
  status: GiftStatus;
  sku: string;
}

export type GiftState = Gift | null;

export const initialGiftState = (): GiftState => null;

/** The minimum for a location kind. */
export const minimumFor = (gift: Pick<Gift, 'minStock'>, kind: 'hq' | 'store'): number => gift.minStock[kind];
