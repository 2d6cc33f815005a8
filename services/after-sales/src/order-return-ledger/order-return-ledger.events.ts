import type { Event } from '@cs/eventstore';

interface Stamp {
  at: string;
  by: string;
}

/** `purchasedQuantity` is the line's ceiling as the ledger keeps it (the first value given). */
export interface ClaimedLine {
  sku: string;
  quantity: number;
  purchasedQuantity: number;
}

export type ReturnQuantitiesClaimed = Event<'ReturnQuantitiesClaimed', Stamp & { orderRef: string; requestId: string; lines: ClaimedLine[] }>;

/** The request was cancelled or refused: its quantities are no longer coming back. */
export type ReturnQuantitiesReleased = Event<
  'ReturnQuantitiesReleased',
  Stamp & { requestId: string; lines: Array<{ sku: string; quantity: number }>; reason: string }
>;

export type OrderReturnLedgerEvent = ReturnQuantitiesClaimed | ReturnQuantitiesReleased;
