export const GIFT_CATEGORIES = ['birthday', 'promotion', 'compensation', 'opening_kit', 'points_redemption'] as const;
export type GiftCategory = (typeof GIFT_CATEGORIES)[number];

/** Reorder thresholds per location kind. */
export interface MinimumStock {
  hq: number;
  store: number;
}

/** The descriptive and pricing fields of a catalogue item. */
export interface GiftDetails {
  name: string;
  spec: string;
  unit: string;
  /** Integer minor units (fen). */
  unitCost: number;
  pointsPrice?: number;
  category?: GiftCategory;
  minStock: MinimumStock;
  highValue: boolean;
}
