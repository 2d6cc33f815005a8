import type { OrderReturnLedgerEvent } from './order-return-ledger.events.js';
import { orderReturnLedgerLifecycle } from './order-return-ledger.lifecycle.js';
import type { LedgerLine, OrderReturnLedgerState } from './order-return-ledger.state.js';

export function evolveOrderReturnLedger(state: OrderReturnLedgerState, event: OrderReturnLedgerEvent): OrderReturnLedgerState {
  switch (event.type) {
    case 'ReturnQuantitiesClaimed': {
      const lines: Record<string, LedgerLine> = { ...(state?.lines ?? {}) };
      for (const l of event.data.lines) {
        const line = lines[l.sku];
        lines[l.sku] = { purchasedQuantity: line?.purchasedQuantity ?? l.purchasedQuantity, claims: { ...(line?.claims ?? {}), [event.data.requestId]: l.quantity } };
      }
      return { status: orderReturnLedgerLifecycle.statusAfter(event, state?.status), orderRef: event.data.orderRef, lines, updatedAt: event.data.at };
    }
    case 'ReturnQuantitiesReleased': {
      if (!state) return state;
      const lines: Record<string, LedgerLine> = {};
      for (const [sku, line] of Object.entries(state.lines)) {
        const { [event.data.requestId]: _released, ...claims } = line.claims;
        lines[sku] = { ...line, claims };
      }
      return { ...state, status: orderReturnLedgerLifecycle.statusAfter(event, state.status), lines, updatedAt: event.data.at };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
