import { defineLifecycle } from '@cs/eventstore';
import type { StockCommand } from './stock.commands.js';
import type { StockEvent } from './stock.events.js';
import type { StockStatus } from './stock.state.js';

/** The first movement of a location and SKU opens its ledger; every later one finds it. */
const ALWAYS = ['create', 'tracked'] as const;

/**
 * A ledger has one status: it exists from its first movement on and never closes. Every command
 * may open it or run on it; the rules are quantities.
 */
export const stockLifecycle = defineLifecycle<StockStatus, StockCommand, StockEvent>({
  name: 'stock',
  statuses: ['tracked'],
  terminal: [],
  commands: {
    ReceiveStock: ALWAYS,
    ReserveStock: ALWAYS,
    DispatchStock: ALWAYS,
    RecordInboundDispatch: ALWAYS,
    RecordArrival: ALWAYS,
    IssueStock: ALWAYS,
    ReverseIssuedStock: ALWAYS,
    AdjustStock: ALWAYS,
    WriteOffStock: ALWAYS,
  },
  events: {
    StockReceived: 'tracked',
    StockReserved: 'tracked',
    StockDispatched: 'tracked',
    StockInboundDispatched: 'tracked',
    StockArrived: 'tracked',
    StockIssued: 'tracked',
    StockIssuanceReversed: 'tracked',
    StockAdjusted: 'tracked',
    StockWrittenOff: 'tracked',
    StockFellBelowMinimum: 'tracked',
  },
});
