import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { GiftRequestCommand } from './gift-request.commands.js';
import { giftRequestDecider } from './gift-request.decider.js';
import type { GiftRequestEvent } from './gift-request.events.js';

const spec = DeciderSpecification(giftRequestDecider);
const T0 = '2026-01-05T02:00:00.000Z';
const ARRIVAL = '2026-01-08T02:00:00.000Z';
const OVERDUE = '2026-01-10T02:00:00.000Z';
const GRACE = 2 * 24 * 60;
const storeManager: GiftsActor = { id: 'sm-1', role: 'store_manager', storeId: 's-1' };
const csManager: GiftsActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const warehouse: GiftsActor = { id: 'wh-1', role: 'warehouse' };
const timer: GiftsActor = { id: 'system:arrival-timer', role: 'system' };
const ID = 'r-1';
const by = (actor: GiftsActor, at = T0) => ({ at, by: actor.id });

function cmd<T extends GiftRequestCommand['type']>(
  type: T,
  fields: Omit<Extract<GiftRequestCommand, { type: T }>, 'type' | 'requestId' | 'now' | 'actor'>,
  actor: GiftsActor = storeManager,
  now = T0,
): GiftRequestCommand {
  return { type, requestId: ID, now, actor, ...fields } as GiftRequestCommand;
}

const lines = [
  { sku: 'G-1', quantity: 10 },
  { sku: 'G-2', quantity: 4 },
];
const created: GiftRequestEvent = { type: 'GiftRequestCreated', data: { requestId: ID, storeId: 's-1', purpose: 'birthday', lines, ...by(storeManager) } };
const submitted: GiftRequestEvent = { type: 'GiftRequestSubmitted', data: by(storeManager) };
const approved: GiftRequestEvent = {
  type: 'GiftRequestApproved',
  data: { lines: [{ sku: 'G-1', quantity: 6 }, { sku: 'G-2', quantity: 0 }], ...by(csManager) },
};
const dispatched: GiftRequestEvent = {
  type: 'GiftRequestDispatched',
  data: { lines: [{ sku: 'G-1', quantity: 6 }], expectedArrival: ARRIVAL, overdueAt: OVERDUE, waybillNo: 'SF-1', ...by(warehouse) },
};
const overdue: GiftRequestEvent = { type: 'GiftArrivalOverdue', data: { expectedArrival: ARRIVAL, overdueAt: OVERDUE, ...by(timer, OVERDUE) } };
const stock = { 'G-1': 100, 'G-2': 100 };

describe('GiftRequest', () => {
  describe('when a store drafts and submits', () => {
    it('should record the draft', () => {
      spec.given([]).when(cmd('CreateGiftRequest', { storeId: 's-1', purpose: 'birthday', lines })).then([created]);
    });

    it.each([
      ['GIFT_REQUEST_LINES_REQUIRED', []],
      ['GIFT_REQUEST_DUPLICATE_LINE', [{ sku: 'G-1', quantity: 1 }, { sku: 'G-1', quantity: 1 }]],
      ['GIFT_REQUEST_QUANTITY_INVALID', [{ sku: 'G-1', quantity: 0 }]],
    ])('should refuse a draft with %s', (code, bad) => {
      spec.given([]).when(cmd('CreateGiftRequest', { storeId: 's-1', purpose: 'birthday', lines: bad })).thenThrows(DomainError, code);
    });

    it('should refuse an existing id', () => {
      spec.given([created]).when(cmd('CreateGiftRequest', { storeId: 's-1', purpose: 'birthday', lines })).thenThrows(DomainError, 'GIFT_REQUEST_ALREADY_EXISTS');
    });

    it('should submit a draft, once', () => {
      spec.given([created]).when(cmd('SubmitGiftRequest', {})).then([submitted]);
      spec.given([created, submitted]).when(cmd('SubmitGiftRequest', {})).thenThrows(DomainError, 'GIFT_REQUEST_INVALID_TRANSITION');
    });

    it('should refuse an unknown request', () => {
      spec.given([]).when(cmd('SubmitGiftRequest', {})).thenThrows(DomainError, 'GIFT_REQUEST_NOT_FOUND');
    });
  });

  describe('when the CS manager decides', () => {
    it('should approve less than requested, missing lines at 0', () => {
      spec.given([created, submitted]).when(cmd('ApproveGiftRequest', { lines: [{ sku: 'G-1', quantity: 6 }], hqAvailable: stock }, csManager)).then([approved]);
    });

    it('should refuse approving more than requested', () => {
      spec
        .given([created, submitted])
        .when(cmd('ApproveGiftRequest', { lines: [{ sku: 'G-1', quantity: 11 }], hqAvailable: stock }, csManager))
        .thenThrows(DomainError, 'GIFT_REQUEST_APPROVAL_EXCEEDS_REQUEST');
    });

    it('should refuse approving more than the warehouse has free', () => {
      spec
        .given([created, submitted])
        .when(cmd('ApproveGiftRequest', { lines: [{ sku: 'G-1', quantity: 6 }], hqAvailable: { 'G-1': 5 } }, csManager))
        .thenThrows(DomainError, 'GIFT_REQUEST_APPROVAL_EXCEEDS_STOCK');
    });

    it.each([
      ['GIFT_REQUEST_LINE_UNKNOWN', [{ sku: 'G-9', quantity: 1 }]],
      ['GIFT_REQUEST_NOTHING_APPROVED', [{ sku: 'G-1', quantity: 0 }]],
      ['GIFT_REQUEST_QUANTITY_INVALID', [{ sku: 'G-1', quantity: -1 }]],
      ['GIFT_REQUEST_DUPLICATE_LINE', [{ sku: 'G-1', quantity: 1 }, { sku: 'G-1', quantity: 2 }]],
    ])('should refuse an approval with %s', (code, bad) => {
      spec.given([created, submitted]).when(cmd('ApproveGiftRequest', { lines: bad, hqAvailable: stock }, csManager)).thenThrows(DomainError, code);
    });

    it('should refuse approving a draft', () => {
      spec.given([created]).when(cmd('ApproveGiftRequest', { lines, hqAvailable: stock }, csManager)).thenThrows(DomainError, 'GIFT_REQUEST_INVALID_TRANSITION');
    });

    it('should reject with a reason, and then nothing more', () => {
      const rejected: GiftRequestEvent = { type: 'GiftRequestRejected', data: { reason: 'Enough stock in store', ...by(csManager) } };
      spec.given([created, submitted]).when(cmd('RejectGiftRequest', { reason: 'Enough stock in store' }, csManager)).then([rejected]);
      spec.given([created, submitted]).when(cmd('RejectGiftRequest', { reason: '' }, csManager)).thenThrows(DomainError, 'GIFT_REQUEST_TEXT_REQUIRED');
      spec
        .given([created, submitted, rejected])
        .when(cmd('DispatchGiftRequest', { expectedArrival: ARRIVAL, arrivalGraceMinutes: GRACE }, warehouse))
        .thenThrows(DomainError, 'GIFT_REQUEST_INVALID_TRANSITION');
    });
  });

  describe('when the warehouse dispatches', () => {
    it('should ship the approved lines with the overdue instant', () => {
      spec
        .given([created, submitted, approved])
        .when(cmd('DispatchGiftRequest', { expectedArrival: ARRIVAL, waybillNo: 'SF-1', arrivalGraceMinutes: GRACE }, warehouse))
        .then([dispatched]);
    });

    it('should refuse an expected arrival in the past', () => {
      spec
        .given([created, submitted, approved])
        .when(cmd('DispatchGiftRequest', { expectedArrival: '2026-01-04T00:00:00.000Z', arrivalGraceMinutes: GRACE }, warehouse))
        .thenThrows(DomainError, 'GIFT_REQUEST_ARRIVAL_BEFORE_DISPATCH');
    });

    it('should refuse dispatching before approval', () => {
      spec
        .given([created, submitted])
        .when(cmd('DispatchGiftRequest', { expectedArrival: ARRIVAL, arrivalGraceMinutes: GRACE }, warehouse))
        .thenThrows(DomainError, 'GIFT_REQUEST_INVALID_TRANSITION');
    });

    it('should push a new-store kit without a request', () => {
      spec
        .given([])
        .when(cmd('DispatchNewStoreKit', { storeId: 's-9', lines, expectedArrival: ARRIVAL, arrivalGraceMinutes: GRACE }, warehouse))
        .then([{ type: 'NewStoreKitDispatched', data: { requestId: ID, storeId: 's-9', lines, expectedArrival: ARRIVAL, overdueAt: OVERDUE, ...by(warehouse) } }]);
      spec
        .given([])
        .when(cmd('DispatchNewStoreKit', { storeId: 's-9', lines: [], expectedArrival: ARRIVAL, arrivalGraceMinutes: GRACE }, warehouse))
        .thenThrows(DomainError, 'GIFT_REQUEST_LINES_REQUIRED');
    });
  });

  describe('when arrival is overdue', () => {
    it('should mark a shipment still out at its overdue instant', () => {
      spec.given([created, submitted, approved, dispatched]).when(cmd('MarkArrivalOverdue', {}, timer, OVERDUE)).then([overdue]);
    });

    it('should do nothing before the instant, after receipt, or twice', () => {
      spec.given([created, submitted, approved, dispatched]).when(cmd('MarkArrivalOverdue', {}, timer, ARRIVAL)).thenNothingHappens();
      spec.given([created, submitted, approved, dispatched, overdue]).when(cmd('MarkArrivalOverdue', {}, timer, OVERDUE)).thenNothingHappens();
      const received: GiftRequestEvent = { type: 'GiftRequestReceived', data: { lines: [{ sku: 'G-1', dispatched: 6, received: 6, damaged: 0 }], ...by(storeManager) } };
      spec.given([created, submitted, approved, dispatched, received]).when(cmd('MarkArrivalOverdue', {}, timer, OVERDUE)).thenNothingHappens();
    });
  });

  describe('when the store receives', () => {
    it('should receive in full without a discrepancy', () => {
      spec
        .given([created, submitted, approved, dispatched])
        .when(cmd('ReceiveGiftRequest', { lines: [{ sku: 'G-1', received: 6, damaged: 0 }] }))
        .then([{ type: 'GiftRequestReceived', data: { lines: [{ sku: 'G-1', dispatched: 6, received: 6, damaged: 0 }], ...by(storeManager) } }]);
    });

    it('should open a discrepancy for damaged or short units, also after the overdue alert', () => {
      spec
        .given([created, submitted, approved, dispatched, overdue])
        .when(cmd('ReceiveGiftRequest', { lines: [{ sku: 'G-1', received: 5, damaged: 1 }] }))
        .then([
          { type: 'GiftRequestReceived', data: { lines: [{ sku: 'G-1', dispatched: 6, received: 5, damaged: 1 }], ...by(storeManager) } },
          { type: 'GiftReceiptDiscrepancyFound', data: { lines: [{ sku: 'G-1', short: 1, damaged: 1 }], ...by(storeManager) } },
        ]);
    });

    it.each([
      ['GIFT_REQUEST_RECEIPT_EXCEEDS_DISPATCH', [{ sku: 'G-1', received: 7, damaged: 0 }]],
      ['GIFT_REQUEST_DAMAGED_EXCEEDS_RECEIVED', [{ sku: 'G-1', received: 2, damaged: 3 }]],
      ['GIFT_REQUEST_LINE_UNKNOWN', [{ sku: 'G-1', received: 6, damaged: 0 }, { sku: 'G-2', received: 1, damaged: 0 }]],
      ['GIFT_REQUEST_RECEIPT_INCOMPLETE', []],
      ['GIFT_REQUEST_QUANTITY_INVALID', [{ sku: 'G-1', received: -1, damaged: 0 }]],
      ['GIFT_REQUEST_DUPLICATE_LINE', [{ sku: 'G-1', received: 1, damaged: 0 }, { sku: 'G-1', received: 1, damaged: 0 }]],
    ])('should refuse a receipt with %s', (code, bad) => {
      spec.given([created, submitted, approved, dispatched]).when(cmd('ReceiveGiftRequest', { lines: bad })).thenThrows(DomainError, code);
    });

    it('should refuse receiving before dispatch', () => {
      spec.given([created, submitted, approved]).when(cmd('ReceiveGiftRequest', { lines: [{ sku: 'G-1', received: 6, damaged: 0 }] })).thenThrows(DomainError, 'GIFT_REQUEST_INVALID_TRANSITION');
    });
  });

  describe('when a discrepancy is resolved', () => {
    const received: GiftRequestEvent = { type: 'GiftRequestReceived', data: { lines: [{ sku: 'G-1', dispatched: 6, received: 6, damaged: 1 }], ...by(storeManager) } };
    const found: GiftRequestEvent = { type: 'GiftReceiptDiscrepancyFound', data: { lines: [{ sku: 'G-1', short: 0, damaged: 1 }], ...by(storeManager) } };

    it('should close it with the outcome', () => {
      spec
        .given([created, submitted, approved, dispatched, received, found])
        .when(cmd('ResolveGiftDiscrepancy', { resolution: 'Written off, carrier claim filed' }, csManager))
        .then([{ type: 'GiftReceiptDiscrepancyResolved', data: { resolution: 'Written off, carrier claim filed', ...by(csManager) } }]);
      spec.given([created, submitted, approved, dispatched, received, found]).when(cmd('ResolveGiftDiscrepancy', { resolution: ' ' }, csManager)).thenThrows(DomainError, 'GIFT_REQUEST_TEXT_REQUIRED');
    });

    it('should refuse resolving when there is no discrepancy', () => {
      spec.given([created, submitted, approved, dispatched, received]).when(cmd('ResolveGiftDiscrepancy', { resolution: 'x' }, csManager)).thenThrows(DomainError, 'GIFT_REQUEST_INVALID_TRANSITION');
    });

    it('should fold the whole life into the state', () => {
      const state = [created, submitted, approved, dispatched, received, found].reduce(giftRequestDecider.evolve, giftRequestDecider.initialState());
      expect(state).toMatchObject({
        status: 'received_with_discrepancy',
        lines: [{ sku: 'G-1', requested: 10, approved: 6 }, { sku: 'G-2', requested: 4, approved: 0 }],
        dispatched: [{ sku: 'G-1', quantity: 6 }],
        overdueAt: OVERDUE,
      });
    });
  });
});
