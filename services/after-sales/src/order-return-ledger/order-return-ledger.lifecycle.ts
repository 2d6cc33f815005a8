import { defineLifecycle } from '@cs/eventstore';
import type { OrderReturnLedgerCommand } from './order-return-ledger.commands.js';
import type { OrderReturnLedgerEvent } from './order-return-ledger.events.js';
import { ORDER_RETURN_LEDGER_STATUSES, type OrderReturnLedgerStatus } from './order-return-ledger.values.js';

/** The first claim opens the ledger and later ones add to it; a release on an order never claimed changes nothing. */
export const orderReturnLedgerLifecycle = defineLifecycle<OrderReturnLedgerStatus, OrderReturnLedgerCommand, OrderReturnLedgerEvent>({
  name: 'order return ledger',
  statuses: ORDER_RETURN_LEDGER_STATUSES,
  terminal: [],
  commands: { ClaimReturnQuantities: ['create', 'open'], ReleaseReturnQuantities: ['create', 'open'] },
  events: { ReturnQuantitiesClaimed: 'open', ReturnQuantitiesReleased: 'unchanged' },
});
