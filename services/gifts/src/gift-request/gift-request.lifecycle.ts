import { defineLifecycle } from '@cs/eventstore';
import type { GiftRequestCommand } from './gift-request.commands.js';
import type { GiftRequestEvent } from './gift-request.events.js';
import type { GiftRequestStatus } from './gift-request.state.js';

const EVERY: readonly GiftRequestStatus[] = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'dispatched',
  'arrival_overdue',
  'received',
  'received_with_discrepancy',
  'discrepancy_resolved',
];

/** 礼品申请单: the CS manager approves (R109), the warehouse ships and registers (R111), arrival is tracked (R112). */
export const giftRequestLifecycle = defineLifecycle<GiftRequestStatus, GiftRequestCommand, GiftRequestEvent>({
  name: 'gift request',
  statuses: EVERY,
  terminal: ['rejected', 'received', 'discrepancy_resolved'],
  commands: {
    CreateGiftRequest: 'create',
    DispatchNewStoreKit: 'create',
    SubmitGiftRequest: ['draft'],
    ApproveGiftRequest: ['submitted'],
    RejectGiftRequest: ['submitted'],
    DispatchGiftRequest: ['approved'],
    // a timer may fire late: it runs everywhere and decides nothing outside `dispatched`
    MarkArrivalOverdue: EVERY,
    ReceiveGiftRequest: ['dispatched', 'arrival_overdue'],
    ResolveGiftDiscrepancy: ['received_with_discrepancy'],
  },
  events: {
    GiftRequestCreated: 'draft',
    GiftRequestSubmitted: 'submitted',
    GiftRequestApproved: 'approved',
    GiftRequestRejected: 'rejected',
    GiftRequestDispatched: 'dispatched',
    NewStoreKitDispatched: 'dispatched',
    GiftArrivalOverdue: 'arrival_overdue',
    GiftRequestReceived: 'received',
    GiftReceiptDiscrepancyFound: 'received_with_discrepancy',
    GiftReceiptDiscrepancyResolved: 'discrepancy_resolved',
  },
});
