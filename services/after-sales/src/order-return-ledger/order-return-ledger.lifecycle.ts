import { defineLifecycle } from '@cs/eventstore';
import type { OrderReturnLedgerCommand } from './order-return-ledger.commands.js';
import type { OrderReturnLedgerEvent } from './order-return-ledger.events.js';
import { ORDER_RETURN_LEDGER_STATUSES, type OrderReturnLedgerStatus } from './order-return-ledger.values.js';

/**
 * The first claim creates the ledger and later claims append to it, so `ClaimReturnQuantities`
 * is not a `'create'` command: the decider lets it run on an empty stream too.
 */
export const orderReturnLedgerLifecycle = defineLifecycle<OrderReturnLedgerStatus, OrderReturnLedgerCommand, OrderReturnLedgerEvent>({
  name: 'order return ledger',
  statuses: ORDER_RETURN_LEDGER_STATUSES,
  terminal: [],
  commands: { ClaimReturnQuantities: ['open'], ReleaseReturnQuantities: ['open'] },
  events: { ReturnQuantitiesClaimed: 'open', ReturnQuantitiesReleased: 'unchanged' },
});
