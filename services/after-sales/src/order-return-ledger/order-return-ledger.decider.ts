import type { Decider } from '@cs/eventstore';
import type { OrderReturnLedgerCommand } from './order-return-ledger.commands.js';
import { decideOrderReturnLedger } from './order-return-ledger.decide.js';
import type { OrderReturnLedgerEvent } from './order-return-ledger.events.js';
import { evolveOrderReturnLedger } from './order-return-ledger.evolve.js';
import { initialOrderReturnLedgerState, type OrderReturnLedgerState } from './order-return-ledger.state.js';

export const ORDER_RETURN_LEDGER_STREAM_TYPE = 'order-returns';

/** One stream per order reference; the reference is opaque text, kept as is. */
export function orderReturnLedgerStreamId(orderRef: string): string {
  return `${ORDER_RETURN_LEDGER_STREAM_TYPE}-${orderRef}`;
}

export const orderReturnLedgerDecider: Decider<OrderReturnLedgerState, OrderReturnLedgerCommand, OrderReturnLedgerEvent> = {
  decide: decideOrderReturnLedger,
  evolve: evolveOrderReturnLedger,
  initialState: initialOrderReturnLedgerState,
};
