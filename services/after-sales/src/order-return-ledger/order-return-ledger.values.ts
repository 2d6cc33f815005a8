/** A ledger is open from its first claim; it has no end (an order can always be looked up). */
export const ORDER_RETURN_LEDGER_STATUSES = ['open'] as const;
export type OrderReturnLedgerStatus = (typeof ORDER_RETURN_LEDGER_STATUSES)[number];

/** One order line's claim by one request. */
export interface LineClaim {
  sku: string;
  quantity: number;
  /** What the order line had: the first value given for the line is kept. */
  purchasedQuantity?: number;
}
