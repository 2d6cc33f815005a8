import { stamp } from '../common/after-sales.guards.js';
import type { ClaimReturnQuantities, OrderReturnLedgerCommand, ReleaseReturnQuantities } from './order-return-ledger.commands.js';
import { invalidQuantity, quantityExceedsPurchased } from './order-return-ledger.errors.js';
import type { ClaimedLine, OrderReturnLedgerEvent } from './order-return-ledger.events.js';
import { orderReturnLedgerLifecycle } from './order-return-ledger.lifecycle.js';
import { hasClaim, returnedQuantity, type OrderReturnLedger, type OrderReturnLedgerState } from './order-return-ledger.state.js';

export function decideOrderReturnLedger(command: OrderReturnLedgerCommand, state: OrderReturnLedgerState): OrderReturnLedgerEvent[] {
  orderReturnLedgerLifecycle.require(command.type, state?.status);
  switch (command.type) {
    case 'ClaimReturnQuantities':
      return decideClaim(command, state);
    case 'ReleaseReturnQuantities':
      return state ? decideRelease(command, state) : [];
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

/**
 * Across every request on the order, what comes back never exceeds what the line had. A line's
 * purchased quantity is the first one given; without one, the first claim's quantity stands for it.
 */
function decideClaim(command: ClaimReturnQuantities, state: OrderReturnLedgerState): OrderReturnLedgerEvent[] {
  if (state && hasClaim(state, command.requestId)) return [];
  const lines: ClaimedLine[] = command.lines.map((l) => {
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || (l.purchasedQuantity !== undefined && !Number.isInteger(l.purchasedQuantity))) {
      throw invalidQuantity(l.sku);
    }
    const line = state?.lines[l.sku];
    const purchased = line?.purchasedQuantity ?? l.purchasedQuantity ?? l.quantity;
    const already = line ? returnedQuantity(line) : 0;
    if (already + l.quantity > purchased) throw quantityExceedsPurchased(command.orderRef, l.sku, purchased, already, l.quantity);
    return { sku: l.sku, quantity: l.quantity, purchasedQuantity: purchased };
  });
  if (lines.length === 0) return [];
  return [{ type: 'ReturnQuantitiesClaimed', data: { orderRef: command.orderRef, requestId: command.requestId, lines, ...stamp(command) } }];
}

function decideRelease(command: ReleaseReturnQuantities, state: OrderReturnLedger): OrderReturnLedgerEvent[] {
  const lines = Object.entries(state.lines)
    .filter(([, line]) => line.claims[command.requestId] !== undefined)
    .map(([sku, line]) => ({ sku, quantity: line.claims[command.requestId] }));
  if (lines.length === 0) return [];
  return [{ type: 'ReturnQuantitiesReleased', data: { requestId: command.requestId, lines, reason: command.reason, ...stamp(command) } }];
}
