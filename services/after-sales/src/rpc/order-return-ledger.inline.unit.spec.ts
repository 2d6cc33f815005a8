import type { RecordedEvent } from '@cs/eventstore';
import { DEFAULT_AFTER_SALES_TERMS } from '../policy/after-sales-terms.policy.js';
import type { FileReturn } from '../return-request/return-request.commands.js';
import { returnRequestDecider } from '../return-request/return-request.decider.js';
import type { ReturnRequestEvent } from '../return-request/return-request.events.js';
import { ledgerCommandFor } from './order-return-ledger.inline.js';

const T0 = '2026-06-03T02:00:00.000Z';
const actor = { id: 'staff-1', role: 'store_staff' };
const filing: FileReturn = {
  type: 'FileReturn',
  requestId: 'r-1',
  requestType: 'return',
  storeId: 'S001',
  memberId: 'm-1',
  orderRef: 'POS-1',
  receivedOn: '2026-06-01',
  items: [{ sku: 'A', name: 'Jacket', quantity: 1, purchasedQuantity: 2, unitPrice: 100 }],
  reason: 'size_fit',
  description: 'small',
  warranty: 'unknown',
  origin: 'customer',
  terms: { ...DEFAULT_AFTER_SALES_TERMS, version: 0 },
  now: T0,
  actor,
};
const recorded = (events: ReturnRequestEvent[]) => events as unknown as RecordedEvent[];
const fold = (events: ReturnRequestEvent[]) => events.reduce(returnRequestDecider.evolve, null);

describe('the order ledger follows the request', () => {
  const filed = returnRequestDecider.decide(filing, null);

  it('should claim the lines bought at filing', () => {
    expect(ledgerCommandFor(recorded(filed), fold(filed), actor, T0)).toEqual({
      type: 'ClaimReturnQuantities',
      orderRef: 'POS-1',
      requestId: 'r-1',
      lines: [{ sku: 'A', quantity: 1, purchasedQuantity: 2 }],
      now: T0,
      actor,
    });
  });

  it.each([
    ['a cancellation', { type: 'ReturnCancelled', data: { at: T0, by: 'x' } }, 'cancelled'],
    ['an eligibility refusal', { type: 'ReturnRejected', data: { reason: 'other', warrantyRepairOffered: false, at: T0, by: 'x' } }, 'rejected: other'],
    ['a failed inspection', { type: 'ReturnInspected', data: { result: 'fail', failedConditions: ['worn'], requestType: 'return', at: T0, by: 'x' } }, 'rejected after inspection'],
  ])('should release the quantities on %s', (_name, event, reason) => {
    const events = [...filed, event as ReturnRequestEvent];
    expect(ledgerCommandFor(recorded([event as ReturnRequestEvent]), fold(events), actor, T0)).toMatchObject({ type: 'ReleaseReturnQuantities', reason });
  });

  it('should leave the ledger alone otherwise, and for a request without an order', () => {
    const approved = { type: 'ReturnApproved', data: { goodsExpected: true, requestType: 'return', at: T0, by: 'x' } } as ReturnRequestEvent;
    const passed = { type: 'ReturnInspected', data: { result: 'pass', failedConditions: [], requestType: 'return', at: T0, by: 'x' } } as ReturnRequestEvent;
    expect(ledgerCommandFor(recorded([approved]), fold([...filed, approved]), actor, T0)).toBeNull();
    expect(ledgerCommandFor(recorded([passed]), fold([...filed, passed]), actor, T0)).toBeNull();
    const compensation = returnRequestDecider.decide({ ...filing, origin: 'complaint_compensation', compensation: { complaintId: 'c', solutionNo: 1 }, orderRef: undefined, items: [] }, null);
    expect(ledgerCommandFor(recorded(compensation), fold(compensation), actor, T0)).toBeNull();
  });
});
