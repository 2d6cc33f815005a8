/** The central warehouse's location id; every other location id is a store. */
export const HQ_LOCATION = 'HQ';

export const LOCATION_KINDS = ['hq', 'store'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export function locationKindOf(locationId: string): LocationKind {
  return locationId === HQ_LOCATION ? 'hq' : 'store';
}

/** What a movement comes from: the document whose workflow moved the stock. */
export const STOCK_REF_KINDS = ['procurement_plan', 'gift_request', 'issuance', 'stocktake', 'write_off'] as const;
export type StockRefKind = (typeof STOCK_REF_KINDS)[number];
export interface StockRef {
  kind: StockRefKind;
  id: string;
}

export const refKey = (ref: StockRef): string => `${ref.kind}:${ref.id}`;

export const WRITE_OFF_REASONS = ['damaged', 'lost'] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];
