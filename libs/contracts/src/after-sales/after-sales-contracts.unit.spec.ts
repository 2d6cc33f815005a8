import { rejectedFields } from '@cs/testing';
import type { ClassConstructor } from 'class-transformer';
import {
  AfterSalesCompletedV1,
  afterSalesCompletedV1,
  afterSalesCompletedV1Example,
  AfterSalesDeadlineBreachedV1,
  afterSalesDeadlineBreachedV1,
  afterSalesDeadlineBreachedV1Example,
  AfterSalesEvents,
  AfterSalesRefundIssuedV1,
  afterSalesRefundIssuedV1,
  afterSalesRefundIssuedV1Example,
  AfterSalesRejectedAfterInspectionV1,
  afterSalesRejectedAfterInspectionV1,
  afterSalesRejectedAfterInspectionV1Example,
  AfterSalesRpc,
  DefineAfterSalesPolicyRequest,
  FileAfterSalesCommand,
  FileAfterSalesRequest,
  GoodsReturnedToStockV1,
  goodsReturnedToStockV1,
  goodsReturnedToStockV1Example,
  InspectAfterSalesGoodsCommand,
  IssueAfterSalesRefundCommand,
  ListAfterSalesQuery,
  ProductQualityReportedV1,
  productQualityReportedV1,
  productQualityReportedV1Example,
  RecordRepairQcRequest,
  ReturnRegisterQuery,
} from '../index.js';
import { validatePayload } from '@cs/messaging';

const fixtures: Array<[string, ClassConstructor<object>, object]> = [
  ['AfterSalesRefundIssuedV1', AfterSalesRefundIssuedV1, afterSalesRefundIssuedV1Example],
  ['AfterSalesCompletedV1', AfterSalesCompletedV1, afterSalesCompletedV1Example],
  ['AfterSalesRejectedAfterInspectionV1', AfterSalesRejectedAfterInspectionV1, afterSalesRejectedAfterInspectionV1Example],
  ['GoodsReturnedToStockV1', GoodsReturnedToStockV1, goodsReturnedToStockV1Example],
  ['ProductQualityReportedV1', ProductQualityReportedV1, productQualityReportedV1Example],
  ['AfterSalesDeadlineBreachedV1', AfterSalesDeadlineBreachedV1, afterSalesDeadlineBreachedV1Example],
];

const jacket = { sku: 'JK-01-M', name: 'Down jacket', quantity: 1, unitPrice: 59900 };
const aReturn = { type: 'return', storeId: 'S001', memberId: 'm-1', orderRef: 'POS-1', receivedAt: '2026-06-01', items: [jacket], reason: 'size_fit', description: 'Too small' };

describe('After-sales contracts', () => {
  describe('when checking the integration event fixtures', () => {
    it.each(fixtures)('should validate the %s example against its class', async (_name, cls, example) => {
      expect(await rejectedFields(cls, example)).toEqual([]);
    });

    it.each(fixtures)('should refuse a %s without requestId', async (_name, cls, example) => {
      const { requestId: _r, ...invalid } = example as { requestId: string };
      expect(await rejectedFields(cls, invalid)).toEqual(['requestId']);
    });

    it.each(fixtures)('should never carry the customer mobile in %s', async (_name, cls, example) => {
      expect(await rejectedFields(cls, { ...example, mobile: '13812341234' })).toEqual(['mobile']);
    });

    it('should refuse a refund of nothing, a fractional amount and an empty inspection failure', async () => {
      expect(await rejectedFields(AfterSalesRefundIssuedV1, { ...afterSalesRefundIssuedV1Example, amount: 0 })).toEqual(['amount']);
      expect(await rejectedFields(AfterSalesRefundIssuedV1, { ...afterSalesRefundIssuedV1Example, amount: 10.5 })).toEqual(['amount']);
      expect(await rejectedFields(AfterSalesRejectedAfterInspectionV1, { ...afterSalesRejectedAfterInspectionV1Example, failedConditions: [] })).toEqual([
        'failedConditions',
      ]);
      expect(await rejectedFields(AfterSalesDeadlineBreachedV1, { ...afterSalesDeadlineBreachedV1Example, clock: 'resolution' })).toEqual(['clock']);
    });

    it('should list every descriptor with a versioned subject of the after-sales service', () => {
      for (const d of AfterSalesEvents) expect(d.subject).toBe(`after-sales.evt.${d.type.slice('after-sales.'.length)}.v${d.version}`);
      expect(AfterSalesEvents).toHaveLength(6);
    });

    it('should name every RPC subject after-sales.rpc.<Name>', () => {
      for (const [name, subject] of Object.entries(AfterSalesRpc)) expect(subject).toBe(`after-sales.rpc.${name}`);
    });

    it('should keep the published contracts unchanged', () => {
      expect({
        descriptors: AfterSalesEvents,
        fixtures: Object.fromEntries(fixtures.map(([name, , example]) => [name, example])),
        rpc: AfterSalesRpc,
      }).toMatchSnapshot();
    });
  });

  describe('when validating FileAfterSalesRequest', () => {
    it('should accept a return and default the warranty to unknown', async () => {
      expect(await validatePayload(FileAfterSalesRequest, aReturn)).toMatchObject({ warranty: 'unknown' });
    });

    it('should accept a repair without order reference or receipt date, but not without a service mode', async () => {
      const repair = { ...aReturn, type: 'repair', orderRef: undefined, receivedAt: undefined, serviceMode: 'carry_in' };
      expect(await rejectedFields(FileAfterSalesRequest, repair)).toEqual([]);
      expect(await rejectedFields(FileAfterSalesRequest, { ...repair, serviceMode: undefined })).toEqual(['serviceMode']);
    });

    it.each([
      ['receivedAt', { receivedAt: undefined }],
      ['receivedAt', { receivedAt: '2026-02-30' }],
      ['orderRef', { orderRef: undefined }],
      ['items', { items: [] }],
      ['items.0.quantity', { items: [{ ...jacket, quantity: 0 }] }],
      ['items.0.unitPrice', { items: [{ ...jacket, unitPrice: 1.5 }] }],
      ['reason', { reason: 'bored' }],
      ['visitAt', { visitAt: 'tomorrow' }],
      ['type', { type: 'refund' }],
    ])('should refuse a bad %s', async (field, overrides) => {
      expect(await rejectedFields(FileAfterSalesRequest, { ...aReturn, ...overrides })).toEqual([field]);
    });

    it('should want a member or a customer', async () => {
      expect(await rejectedFields(FileAfterSalesRequest, { ...aReturn, memberId: undefined })).toEqual(['memberId', 'customer']);
      expect(await rejectedFields(FileAfterSalesRequest, { ...aReturn, memberId: undefined, customer: { name: 'Zhao', mobile: '13811112222' } })).toEqual([]);
    });

    it('should refuse a request id in the HTTP body but take it on the internal command', async () => {
      expect(await rejectedFields(FileAfterSalesRequest, { ...aReturn, requestId: 'x' })).toEqual(['requestId']);
      expect(await rejectedFields(FileAfterSalesCommand, { ...aReturn, requestId: 'x' })).toEqual([]);
    });
  });

  describe('when validating the handling commands and queries', () => {
    it('should require the request id and a whole positive refund', async () => {
      expect(await rejectedFields(IssueAfterSalesRefundCommand, { amount: 100 })).toEqual(['requestId']);
      expect(await rejectedFields(IssueAfterSalesRefundCommand, { requestId: 'r', amount: -1 })).toEqual(['amount']);
      expect(await rejectedFields(InspectAfterSalesGoodsCommand, { requestId: 'r', result: 'maybe' })).toEqual(['result']);
      expect(await rejectedFields(RecordRepairQcRequest, { passed: 'yes' })).toEqual(['passed']);
    });

    it('should read list filters from a query string', async () => {
      expect(await validatePayload(ListAfterSalesQuery, { overdue: 'true', limit: '20', type: 'repair' })).toMatchObject({ overdue: true, limit: 20 });
      expect(await rejectedFields(ReturnRegisterQuery, { from: '2026-13-01' })).toEqual(['from']);
    });

    it('should validate a policy definition', async () => {
      const policy = {
        returnWindowDays: 7,
        timezone: 'Asia/Shanghai',
        allowedReasons: ['quality', 'not_satisfied'],
        onSiteVisitHours: 24,
        turnaround: { unitsPerBlock: 10, workingDaysPerBlock: 2 },
        callbackDueDays: 3,
        nonReturnableCategories: ['underwear'],
        inspectionConditions: { default: ['worn', 'washed'] },
        weekendDays: [0, 6],
        holidays: ['2026-10-01'],
        makeUpWorkingDays: [],
      };
      expect(await rejectedFields(DefineAfterSalesPolicyRequest, policy)).toEqual([]);
      expect(await rejectedFields(DefineAfterSalesPolicyRequest, { ...policy, inspectionConditions: { shoes: ['worn'] } })).toEqual(['inspectionConditions']);
      expect(await rejectedFields(DefineAfterSalesPolicyRequest, { ...policy, turnaround: { unitsPerBlock: 0, workingDaysPerBlock: 2 } })).toEqual(['turnaround.unitsPerBlock']);
      expect(await rejectedFields(DefineAfterSalesPolicyRequest, { ...policy, timezone: 'Nowhere/Land' })).toEqual(['timezone']);
    });
  });
});
