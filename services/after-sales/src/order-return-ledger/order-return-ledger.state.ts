import type { OrderReturnLedgerStatus } from './order-return-ledger.values.js';

export interface LedgerLine {
  purchasedQuantity: number;
  /** Quantity claimed per request still counting. */
  claims: Record<string, number>;
}

export interface OrderReturnLedger {
  status: OrderReturnLedgerStatus;
  orderRef: string;
  lines: Record<string, LedgerLine>;
  updatedAt: string;
}

export type OrderReturnLedgerState = OrderReturnLedger | null;

export const initialOrderReturnLedgerState = (): OrderReturnLedgerState => null;

export const returnedQuantity = (line: LedgerLine): number => Object.values(line.claims).reduce((sum, q) => sum + q, 0);

export const hasClaim = (state: OrderReturnLedger, requestId: string): boolean =>
  Object.values(state.lines).some((line) => line.claims[requestId] !== undefined);
