import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { DEFAULT_AFTER_SALES_TERMS, type TermsInForce } from '../policy/after-sales-terms.policy.js';
import type { FileReturn, RequestActor, ReturnRequestCommand } from './return-request.commands.js';
import { returnRequestDecider, returnRequestStreamId } from './return-request.decider.js';
import type { ReturnRequestEvent, ReturnRequested } from './return-request.events.js';
import { returnRequestLifecycle } from './return-request.lifecycle.js';
import { RETURN_REQUEST_STATUSES, type ReturnRequestStatus } from './return-request.values.js';

const spec = DeciderSpecification(returnRequestDecider);
const ID = 'r-1';
const T0 = '2026-06-03T02:00:00.000Z'; // Wednesday 10:00 Shanghai, received 1 June: day 2 of 7
const T1 = '2026-06-03T03:00:00.000Z';
const WINDOW_END = '2026-06-08T15:59:59.999Z';
const staff: RequestActor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const manager: RequestActor = { id: 'mgr-1', role: 'store_manager', storeId: 'S001' };
const terms: TermsInForce = { ...DEFAULT_AFTER_SALES_TERMS, version: 2 };
const by = (actor: RequestActor = staff, at = T1) => ({ at, by: actor.id });
const jacket = { sku: 'JK-01-M', name: 'Down jacket', size: 'M', quantity: 2, purchasedQuantity: 3, unitPrice: 59900 };

function file(overrides: Partial<FileReturn> = {}): FileReturn {
  return {
    type: 'FileReturn',
    requestId: ID,
    requestType: 'return',
    storeId: 'S001',
    memberId: 'm-1',
    orderRef: 'POS-778',
    receivedOn: '2026-06-01',
    items: [jacket],
    reason: 'size_fit',
    description: 'Too small',
    warranty: 'in',
    origin: 'customer',
    terms,
    now: T0,
    actor: staff,
    ...overrides,
  };
}

function cmd<T extends ReturnRequestCommand['type']>(
  type: T,
  fields: Omit<Extract<ReturnRequestCommand, { type: T }>, 'type' | 'requestId' | 'now' | 'actor'>,
  actor: RequestActor = staff,
): ReturnRequestCommand {
  return { type, requestId: ID, now: T1, actor, ...fields } as ReturnRequestCommand;
}

const requested = (data: Partial<ReturnRequested['data']> = {}): ReturnRequested => ({
  type: 'ReturnRequested',
  data: {
    requestId: ID,
    type: 'return',
    storeId: 'S001',
    memberId: 'm-1',
    orderRef: 'POS-778',
    receivedOn: '2026-06-01',
    items: [jacket],
    reason: 'size_fit',
    description: 'Too small',
    warranty: 'in',
    origin: 'customer',
    policyVersion: 2,
    windowEndsAt: WINDOW_END,
    refundCeiling: 119800,
    goodsPresent: false,
    requestedAt: T0,
    at: T0,
    by: staff.id,
    ...data,
  },
});
const approved: ReturnRequestEvent = { type: 'ReturnApproved', data: { goodsExpected: true, requestType: 'return', ...by(manager) } };
const approvedExchange: ReturnRequestEvent = { type: 'ReturnApproved', data: { goodsExpected: true, requestType: 'exchange', ...by(manager) } };
const received: ReturnRequestEvent = { type: 'ReturnGoodsReceived', data: { accessoriesIncluded: true, invoiceIncluded: true, receivedAt: T1, ...by() } };
const passed = (requestType: 'return' | 'exchange' = 'return'): ReturnRequestEvent => ({
  type: 'ReturnInspected',
  data: { result: 'pass', failedConditions: [], requestType, ...by() },
});
const refund = (refundNo: number, amount: number, refundedTotal: number): ReturnRequestEvent => ({
  type: 'RefundIssued',
  data: { refundNo, amount, refundedTotal, remaining: 119800 - refundedTotal, ...by(manager) },
});
const shipped: ReturnRequestEvent = { type: 'ReplacementShipped', data: { sku: 'JK-01-L', waybillNo: 'SF1', ...by() } };
const completed: ReturnRequestEvent[] = [
  { type: 'ReturnCompleted', data: { completedAt: T1, refundedTotal: 119800, ...by() } },
  { type: 'ReturnCallbackScheduled', data: { dueAt: '2026-06-06T03:00:00.000Z', ...by() } },
];

/** One history leading to each status. */
const paths: Record<ReturnRequestStatus, ReturnRequestEvent[]> = {
  requested: [requested()],
  awaiting_goods: [requested(), approved],
  inspecting: [requested(), approved, received],
  refund_pending: [requested(), approved, received, passed()],
  refunded: [requested(), approved, received, passed(), refund(1, 119800, 119800)],
  replacement_pending: [requested({ type: 'exchange' }), approvedExchange, received, passed('exchange')],
  exchange_shipped: [requested({ type: 'exchange' }), approvedExchange, received, passed('exchange'), shipped],
  completed: [requested(), approved, received, passed(), refund(1, 119800, 119800), completed[0]],
  callback_pending: [requested(), approved, received, passed(), refund(1, 119800, 119800), ...completed],
  closed: [requested(), approved, received, passed(), refund(1, 119800, 119800), ...completed, { type: 'ReturnClosed', data: by() }],
  rejected: [requested(), { type: 'ReturnRejected', data: { reason: 'other', warrantyRepairOffered: false, ...by(manager) } }],
  rejected_after_inspection: [
    requested(),
    approved,
    received,
    { type: 'ReturnInspected', data: { result: 'fail', failedConditions: ['worn'], requestType: 'return', ...by() } },
  ],
  cancelled: [requested(), { type: 'ReturnCancelled', data: by() }],
};

const anyCommand: Record<Exclude<ReturnRequestCommand['type'], 'FileReturn'>, ReturnRequestCommand> = {
  ApproveReturn: cmd('ApproveReturn', {}, manager),
  RejectReturn: cmd('RejectReturn', { reason: 'other' }, manager),
  ReceiveReturnGoods: cmd('ReceiveReturnGoods', { accessoriesIncluded: true, invoiceIncluded: true }),
  InspectReturn: cmd('InspectReturn', { result: 'pass', failedConditions: [], knownConditions: [] }),
  IssueRefund: cmd('IssueRefund', { amount: 1 }, manager),
  ShipReplacement: cmd('ShipReplacement', { sku: 'JK-01-L' }),
  CompleteReturn: cmd('CompleteReturn', { callbackDueAt: '2026-06-06T03:00:00.000Z' }),
  CloseReturn: cmd('CloseReturn', {}),
  CancelReturn: cmd('CancelReturn', {}),
};

describe('ReturnRequest', () => {
  it('should keep one stream per request', () => {
    expect(returnRequestStreamId(ID)).toBe('return-request-r-1');
  });

  it('should reach every status through its history', () => {
    for (const status of RETURN_REQUEST_STATUSES) {
      const state = paths[status].reduce(returnRequestDecider.evolve, returnRequestDecider.initialState());
      expect([status, state?.status]).toEqual([status, status]);
    }
  });

  describe('when a command arrives in a status that does not allow it', () => {
    const cases = RETURN_REQUEST_STATUSES.flatMap((status) =>
      Object.entries(anyCommand)
        .filter(([type]) => !returnRequestLifecycle.allows(type as ReturnRequestCommand['type'], status))
        .map(([type, command]) => [type, status, command] as const),
    );
    const before = ['requested', 'awaiting_goods', 'inspecting'];
    const expectedCode = (type: string, status: string) =>
      (type === 'IssueRefund' || type === 'ShipReplacement') && before.includes(status) ? 'RETURN_NOT_INSPECTED' : 'RETURN_REQUEST_INVALID_TRANSITION';
    it.each(cases)('should refuse %s when %s', (type, status, command) => {
      spec.given(paths[status]).when(command).thenThrows(DomainError, expectedCode(type, status));
    });

    it('should say a refund waits for the inspection (R62)', () => {
      spec.given(paths.awaiting_goods).when(anyCommand.IssueRefund).thenThrows(DomainError, 'RETURN_NOT_INSPECTED');
    });
  });

  describe('when a return is filed', () => {
    it('should pin the window end, the policy version and the refund ceiling', () => {
      spec.given([]).when(file()).then([requested()]);
    });

    it('should accept a filing on the last minute of day 7, local time', () => {
      spec.given([]).when(file({ now: '2026-06-08T23:59:00+08:00' })).thenMatches([{ type: 'ReturnRequested', data: { windowEndsAt: WINDOW_END } }]);
    });

    it('should refuse a filing on day 8, naming the window end', () => {
      spec.given([]).when(file({ now: '2026-06-09T00:00:00+08:00' })).thenThrows(DomainError, 'RETURN_WINDOW_PASSED');
    });

    it('should offer a warranty repair past the window for a quality problem in warranty', () => {
      const run = () => returnRequestDecider.decide(file({ now: '2026-06-10T02:00:00Z', reason: 'quality' }), null);
      expect(run).toThrow(expect.objectContaining({ code: 'RETURN_WINDOW_PASSED', details: { windowEndsAt: WINDOW_END, warrantyRepairOffered: true, offer: 'repair' } }));
      const outOfWarranty = () => returnRequestDecider.decide(file({ now: '2026-06-10T02:00:00Z', reason: 'quality', warranty: 'out' }), null);
      expect(outOfWarranty).toThrow(expect.objectContaining({ details: { windowEndsAt: WINDOW_END, warrantyRepairOffered: false } }));
    });

    it('should refuse goods received on a date still to come, local time', () => {
      spec.given([]).when(file({ receivedOn: '2026-06-04' })).thenThrows(DomainError, 'RECEIVED_AT_IN_FUTURE');
      spec.given([]).when(file({ receivedOn: '2026-06-04', now: '2026-06-03T16:00:00.000Z' })).thenMatches([{ type: 'ReturnRequested' }]);
    });

    it('should take the window from the terms in force', () => {
      spec
        .given([])
        .when(file({ terms: { ...terms, version: 3, returnWindowDays: 15 }, now: '2026-06-10T02:00:00Z' }))
        .thenMatches([{ data: { policyVersion: 3, windowEndsAt: '2026-06-16T15:59:59.999Z' } }]);
    });

    it('should record an exchange filed at the counter with the goods present', () => {
      spec
        .given([])
        .when(file({ requestType: 'exchange', goodsPresent: true, customer: { name: 'Zhao', mobile: '13811112222' }, memberId: undefined }))
        .thenMatches([{ data: { type: 'exchange', goodsPresent: true, customer: { name: 'Zhao', mobile: '13811112222' } } }]);
    });

    it('should refuse a reason the terms do not allow', () => {
      spec.given([]).when(file({ terms: { ...terms, allowedReasons: ['quality'] } })).thenThrows(DomainError, 'RETURN_REASON_NOT_ALLOWED');
    });

    it('should refuse a non-returnable category unless the reason is quality', () => {
      const underwear = { ...jacket, sku: 'UW-1', category: 'underwear' };
      spec.given([]).when(file({ items: [underwear] })).thenThrows(DomainError, 'ITEM_NOT_RETURNABLE');
      spec.given([]).when(file({ items: [underwear], reason: 'quality' })).thenMatches([{ type: 'ReturnRequested' }]);
    });

    it.each([
      ['no items', { items: [] }, 'INVALID_ITEMS'],
      ['a zero quantity', { items: [{ ...jacket, quantity: 0 }] }, 'INVALID_ITEMS'],
      ['a fractional price', { items: [{ ...jacket, unitPrice: 10.5 }] }, 'INVALID_ITEMS'],
      ['more back than bought', { items: [{ ...jacket, quantity: 4 }] }, 'INVALID_ITEMS'],
      ['one SKU twice', { items: [jacket, jacket] }, 'INVALID_ITEMS'],
      ['no order reference', { orderRef: undefined }, 'FIELD_REQUIRED'],
      ['no receipt date', { receivedOn: undefined }, 'FIELD_REQUIRED'],
      ['a blank description', { description: ' ' }, 'FIELD_REQUIRED'],
      ['a blank store', { storeId: '' }, 'FIELD_REQUIRED'],
      ['neither member nor customer', { memberId: undefined }, 'CUSTOMER_INFO_REQUIRED'],
      ['compensation origin without the grant', { origin: 'complaint_compensation' as const }, 'FIELD_REQUIRED'],
    ])('should refuse %s', (_name, overrides, code) => {
      spec.given([]).when(file(overrides as Partial<FileReturn>)).thenThrows(DomainError, code);
    });

    it('should open a compensation refund without items or window, capped at the amount granted', () => {
      spec
        .given([])
        .when(
          file({
            origin: 'complaint_compensation',
            compensation: { complaintId: 'c-9', solutionNo: 2, amount: 5000 },
            items: [],
            orderRef: undefined,
            receivedOn: undefined,
            memberId: undefined,
            now: '2026-09-01T00:00:00Z',
          }),
        )
        .thenMatches([{ data: { refundCeiling: 5000, linkedComplaintId: 'c-9', origin: 'complaint_compensation', items: [] } }]);
    });

    it('should refuse a second filing of the same request', () => {
      spec.given([requested()]).when(file()).thenThrows(DomainError, 'RETURN_REQUEST_ALREADY_EXISTS');
    });
  });

  describe('when an unknown request is acted on', () => {
    it('should answer not found', () => {
      spec.given([]).when(anyCommand.ApproveReturn).thenThrows(DomainError, 'RETURN_REQUEST_NOT_FOUND');
    });
  });

  describe('when eligibility is decided', () => {
    it('should approve and await the goods', () => {
      spec.given([requested()]).when(cmd('ApproveReturn', { note: 'ok' }, manager)).then([
        { type: 'ReturnApproved', data: { note: 'ok', goodsExpected: true, requestType: 'return', ...by(manager) } },
      ]);
    });

    it('should make a compensation without goods due for refund or replacement at once', () => {
      const compensation = { origin: 'complaint_compensation' as const, compensation: { complaintId: 'c-9', solutionNo: 1, amount: 5000 }, items: [], refundCeiling: 5000 };
      const approvedComp = returnRequestDecider.decide(anyCommand.ApproveReturn, [requested(compensation)].reduce(returnRequestDecider.evolve, null));
      expect(approvedComp).toEqual([{ type: 'ReturnApproved', data: { goodsExpected: false, requestType: 'return', ...by(manager) } }]);
      const state = [requested(compensation), ...approvedComp].reduce(returnRequestDecider.evolve, null);
      expect(state?.status).toBe('refund_pending');
      spec.given([requested(compensation), ...approvedComp]).when(cmd('IssueRefund', { amount: 5000 }, manager)).thenMatches([{ data: { remaining: 0 } }]);
      const exchange = [requested({ ...compensation, type: 'exchange' })].reduce(returnRequestDecider.evolve, null);
      const approvedExchangeComp = returnRequestDecider.decide(anyCommand.ApproveReturn, exchange);
      expect(approvedExchangeComp.reduce(returnRequestDecider.evolve, exchange)?.status).toBe('replacement_pending');
    });

    it('should name the window end and offer a warranty repair when rejecting for the window', () => {
      spec
        .given([requested({ reason: 'quality' })])
        .when(cmd('RejectReturn', { reason: 'window_expired', note: 'late' }, manager))
        .then([{ type: 'ReturnRejected', data: { reason: 'window_expired', note: 'late', windowEndsAt: WINDOW_END, warrantyRepairOffered: true, ...by(manager) } }]);
    });

    it('should reject for another reason without an offer', () => {
      spec
        .given([requested({ reason: 'quality' })])
        .when(cmd('RejectReturn', { reason: 'reason_not_allowed' }, manager))
        .then([{ type: 'ReturnRejected', data: { reason: 'reason_not_allowed', warrantyRepairOffered: false, ...by(manager) } }]);
    });

    it('should let the customer cancel before or after approval', () => {
      spec.given([requested()]).when(cmd('CancelReturn', { reason: 'changed mind' })).then([{ type: 'ReturnCancelled', data: { reason: 'changed mind', ...by() } }]);
      spec.given([requested(), approved]).when(cmd('CancelReturn', {})).then([{ type: 'ReturnCancelled', data: by() }]);
    });
  });

  describe('when the goods arrive', () => {
    it('should record the accessories and invoice flags and the waybill', () => {
      spec
        .given([requested(), approved])
        .when(cmd('ReceiveReturnGoods', { accessoriesIncluded: false, invoiceIncluded: true, waybillNo: 'YT99' }))
        .then([{ type: 'ReturnGoodsReceived', data: { accessoriesIncluded: false, invoiceIncluded: true, waybillNo: 'YT99', receivedAt: T1, ...by() } }]);
    });

    it('should take the goods at the counter without a separate approval', () => {
      spec.given([requested({ goodsPresent: true })]).when(anyCommand.ReceiveReturnGoods).thenMatches([{ type: 'ReturnGoodsReceived' }]);
    });

    it('should refuse goods for a request not yet approved', () => {
      spec.given([requested()]).when(anyCommand.ReceiveReturnGoods).thenThrows(DomainError, 'RETURN_NOT_APPROVED');
    });
  });

  describe('when the goods are inspected', () => {
    const given = [requested(), approved, received];
    const known = ['accessories_missing', 'invoice_missing', 'worn'];

    it('should pass and await the refund', () => {
      spec.given(given).when(cmd('InspectReturn', { result: 'pass', failedConditions: [], notes: 'as new', knownConditions: known })).then([
        { type: 'ReturnInspected', data: { result: 'pass', failedConditions: [], notes: 'as new', requestType: 'return', ...by() } },
      ]);
    });

    it('should fail naming the conditions, once each', () => {
      spec.given(given).when(cmd('InspectReturn', { result: 'fail', failedConditions: ['worn', 'worn'], knownConditions: known })).then([
        { type: 'ReturnInspected', data: { result: 'fail', failedConditions: ['worn'], requestType: 'return', ...by() } },
      ]);
    });

    it.each([
      ['a failure without conditions', { result: 'fail' as const, failedConditions: [] }],
      ['a pass with conditions', { result: 'pass' as const, failedConditions: ['worn'] }],
      ['an unknown condition', { result: 'fail' as const, failedConditions: ['smelly'] }],
    ])('should refuse %s', (_name, fields) => {
      spec.given(given).when(cmd('InspectReturn', { ...fields, knownConditions: known })).thenThrows(DomainError, 'INSPECTION_CONDITIONS_INVALID');
    });
  });

  describe('when refunds are issued', () => {
    const inspected = [requested(), approved, received, passed()];

    it('should issue a partial refund and keep the rest pending', () => {
      spec.given(inspected).when(cmd('IssueRefund', { amount: 59900, method: 'original' }, manager)).then([
        { type: 'RefundIssued', data: { refundNo: 1, amount: 59900, refundedTotal: 59900, remaining: 59900, method: 'original', ...by(manager) } },
      ]);
    });

    it('should issue the rest and be refunded', () => {
      spec.given([...inspected, refund(1, 59900, 59900)]).when(cmd('IssueRefund', { amount: 59900 }, manager)).then([refund(2, 59900, 119800)]);
    });

    it('should refuse a refund beyond what was paid, across partial refunds', () => {
      spec.given([...inspected, refund(1, 59900, 59900)]).when(cmd('IssueRefund', { amount: 59901 }, manager)).thenThrows(DomainError, 'REFUND_EXCEEDS_PAID');
      spec.given(paths.refunded).when(cmd('IssueRefund', { amount: 1 }, manager)).thenThrows(DomainError, 'REFUND_EXCEEDS_PAID');
    });

    it.each([0, -5, 1.5])('should refuse an amount of %p', (amount) => {
      spec.given(inspected).when(cmd('IssueRefund', { amount }, manager)).thenThrows(DomainError, 'INVALID_REFUND_AMOUNT');
    });
  });

  describe('when an exchange is settled', () => {
    it('should ship the replacement', () => {
      spec.given(paths.replacement_pending).when(cmd('ShipReplacement', { sku: 'JK-01-L', waybillNo: 'SF1' })).then([shipped]);
    });

    it('should refuse a replacement without a SKU', () => {
      spec.given(paths.replacement_pending).when(cmd('ShipReplacement', { sku: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should complete and schedule the call-back', () => {
      spec.given(paths.exchange_shipped).when(anyCommand.CompleteReturn).then([
        { type: 'ReturnCompleted', data: { completedAt: T1, refundedTotal: 0, ...by() } },
        completed[1],
      ]);
    });
  });

  describe('when a return is completed and closed', () => {
    it('should complete once fully refunded, scheduling the call-back', () => {
      spec.given(paths.refunded).when(anyCommand.CompleteReturn).then(completed);
    });

    it('should complete on an agreed partial refund', () => {
      spec.given([...paths.refund_pending, refund(1, 1000, 1000)]).when(anyCommand.CompleteReturn).thenMatches([{ type: 'ReturnCompleted', data: { refundedTotal: 1000 } }, { type: 'ReturnCallbackScheduled' }]);
    });

    it('should refuse completion before any refund', () => {
      spec.given(paths.refund_pending).when(anyCommand.CompleteReturn).thenThrows(DomainError, 'NOTHING_REFUNDED');
    });

    it('should close after the call-back with its satisfaction', () => {
      spec.given(paths.callback_pending).when(cmd('CloseReturn', { satisfaction: 5, note: 'happy' })).then([
        { type: 'ReturnClosed', data: { satisfaction: 5, note: 'happy', ...by() } },
      ]);
    });

    it.each([0, 6, 4.5])('should refuse a satisfaction of %p', (satisfaction) => {
      spec.given(paths.callback_pending).when(cmd('CloseReturn', { satisfaction })).thenThrows(DomainError, 'INVALID_SATISFACTION');
    });
  });
});
