import type { RecordedEvent } from '@cs/eventstore';
import type { Publication, PublicationContext } from '@cs/messaging';
import {
  AfterSalesCompletedV1,
  AfterSalesDeadlineBreachedV1,
  AfterSalesRefundIssuedV1,
  AfterSalesRejectedAfterInspectionV1,
  GoodsReturnedToStockV1,
  ProductQualityReportedV1,
} from '@cs/contracts';
import { rejectedFields } from '@cs/testing';
import type { ClassConstructor } from 'class-transformer';
import { DEFAULT_AFTER_SALES_TERMS } from '../policy/after-sales-terms.policy.js';
import { repairDecider, REPAIR_STREAM_TYPE } from '../repair/repair.decider.js';
import type { RepairCommand } from '../repair/repair.commands.js';
import { returnRequestDecider, RETURN_REQUEST_STREAM_TYPE } from '../return-request/return-request.decider.js';
import type { ReturnRequestCommand } from '../return-request/return-request.commands.js';
import { afterSalesPublications } from './after-sales.publications.js';

const T0 = '2026-06-03T02:00:00.000Z';
const terms = { ...DEFAULT_AFTER_SALES_TERMS, version: 0 };
const actor = { id: 'staff-1', role: 'store_staff' };
const jacket = { sku: 'JK-01-M', name: 'Down jacket', quantity: 2, unitPrice: 59900 };
const CONTRACTS: Record<string, ClassConstructor<object>> = {
  'after-sales.AfterSalesRefundIssued': AfterSalesRefundIssuedV1,
  'after-sales.AfterSalesCompleted': AfterSalesCompletedV1,
  'after-sales.AfterSalesRejectedAfterInspection': AfterSalesRejectedAfterInspectionV1,
  'after-sales.GoodsReturnedToStock': GoodsReturnedToStockV1,
  'after-sales.ProductQualityReported': ProductQualityReportedV1,
  'after-sales.AfterSalesDeadlineBreached': AfterSalesDeadlineBreachedV1,
};

/** Runs commands through a decider and records the events as the store would. */
function record<C>(streamType: string, decider: { decide: (c: C, s: never) => Array<{ type: string; data: object }>; evolve: (s: never, e: never) => never; initialState: () => never }, commands: C[]): RecordedEvent[] {
  const log: RecordedEvent[] = [];
  let state = decider.initialState();
  for (const command of commands) {
    for (const e of decider.decide(command, state)) {
      state = decider.evolve(state, e as never);
      log.push({ eventId: `e${log.length + 1}`, type: e.type, data: e.data, schemaVersion: 1, metadata: {}, streamId: `${streamType}-r-1`, streamType, streamVersion: log.length + 1, globalPosition: String(log.length + 1), transactionId: '1', recordedAt: new Date(T0) });
    }
  }
  return log;
}

async function publishAll(log: RecordedEvent[]): Promise<Publication[]> {
  const context: PublicationContext = { streamUpTo: async (e) => log.filter((x) => x.streamVersion <= e.streamVersion) };
  return (await Promise.all(log.map((e) => afterSalesPublications(e, context)))).flat();
}

const base = { requestId: 'r-1', now: T0, actor };

describe('after-sales publications', () => {
  it('should publish a quality report, the restocking, each refund and the completion of a return, each valid against its contract', async () => {
    const commands: ReturnRequestCommand[] = [
      { ...base, type: 'FileReturn', requestType: 'return', storeId: 'S001', memberId: 'm-1', orderRef: 'POS-1', receivedOn: '2026-06-01', items: [jacket], reason: 'quality', description: 'Seam split', warranty: 'in', origin: 'customer', terms, goodsPresent: true },
      { ...base, type: 'ReceiveReturnGoods', accessoriesIncluded: true, invoiceIncluded: true, waybillNo: 'SF1' },
      { ...base, type: 'InspectReturn', result: 'pass', failedConditions: [], knownConditions: [] },
      { ...base, type: 'IssueRefund', amount: 60000 },
      { ...base, type: 'IssueRefund', amount: 59800 },
      { ...base, type: 'CompleteReturn', callbackDueAt: '2026-06-06T02:00:00.000Z' },
    ];
    const published = await publishAll(record(RETURN_REQUEST_STREAM_TYPE, returnRequestDecider as never, commands));
    expect(published.map((p) => p.type)).toEqual([
      'after-sales.ProductQualityReported',
      'after-sales.GoodsReturnedToStock',
      'after-sales.AfterSalesRefundIssued',
      'after-sales.AfterSalesRefundIssued',
      'after-sales.AfterSalesCompleted',
    ]);
    for (const p of published) expect([p.type, await rejectedFields(CONTRACTS[p.type], p.data)]).toEqual([p.type, []]);
    expect(published[3].data).toMatchObject({ refundNo: 2, amount: 59800, refundedTotal: 119800, paidForReturnedLines: 119800, memberId: 'm-1' });
    expect(published[4].data).toMatchObject({ amount: 119800, callbackDueAt: '2026-06-06T02:00:00.000Z', notifyReporter: false });
    expect(JSON.stringify(published)).not.toContain('mobile');
  });

  it('should publish a failed inspection with its conditions', async () => {
    const commands: ReturnRequestCommand[] = [
      { ...base, type: 'FileReturn', requestType: 'exchange', storeId: 'S001', customer: { name: 'Zhao', mobile: '13811112222' }, orderRef: 'POS-1', receivedOn: '2026-06-01', items: [jacket], reason: 'size_fit', description: 'Too small', warranty: 'unknown', origin: 'customer', terms, goodsPresent: true },
      { ...base, type: 'ReceiveReturnGoods', accessoriesIncluded: true, invoiceIncluded: false },
      { ...base, type: 'InspectReturn', result: 'fail', failedConditions: ['worn'], knownConditions: ['worn'] },
    ];
    const published = await publishAll(record(RETURN_REQUEST_STREAM_TYPE, returnRequestDecider as never, commands));
    expect(published).toEqual([expect.objectContaining({ type: 'after-sales.AfterSalesRejectedAfterInspection', data: expect.objectContaining({ failedConditions: ['worn'], type: 'exchange' }) })]);
    expect(JSON.stringify(published)).not.toContain('13811112222');
  });

  it('should publish a repair breach and its completion with the reporter to notify', async () => {
    const commands: RepairCommand[] = [
      { ...base, type: 'FileRepair', storeId: 'S001', memberId: 'm-1', items: [{ ...jacket, quantity: 12 }], reason: 'other', description: 'Zips', warranty: 'out', origin: 'customer', serviceMode: 'carry_in', reportedBy: 'dealer', terms },
      { ...base, type: 'ReceiveRepairItem', terms },
      { ...base, type: 'RecordRepairBreach', clock: 'turnaround', dueAt: '2026-06-09T02:00:00.000Z', now: '2026-06-09T02:00:00.000Z' },
      { ...base, type: 'DiagnoseRepair', fault: 'teeth', plan: 'replace' },
      { ...base, type: 'QuoteRepair', amount: 3000 },
      { ...base, type: 'AcceptQuote' },
      { ...base, type: 'StartRepair' },
      { ...base, type: 'RecordQc', passed: true },
      { ...base, type: 'MarkReady' },
      { ...base, type: 'CompleteRepair', callbackDueAt: '2026-06-12T02:00:00.000Z' },
    ];
    const published = await publishAll(record(REPAIR_STREAM_TYPE, repairDecider as never, commands));
    expect(published.map((p) => p.type)).toEqual(['after-sales.AfterSalesDeadlineBreached', 'after-sales.AfterSalesCompleted']);
    for (const p of published) expect([p.type, await rejectedFields(CONTRACTS[p.type], p.data)]).toEqual([p.type, []]);
    expect(published[1].data).toMatchObject({ type: 'repair', amount: 3000, reportedBy: 'dealer', notifyReporter: true, serviceMode: 'carry_in' });
  });

  it('should publish nothing for other streams', async () => {
    const other = { eventId: 'x', type: 'AfterSalesPolicyDefined', data: {}, streamType: 'after-sales-policy', streamId: 'after-sales-policy-default', streamVersion: 1 } as unknown as RecordedEvent;
    expect(await afterSalesPublications(other, { streamUpTo: async () => [] })).toEqual([]);
  });
});
