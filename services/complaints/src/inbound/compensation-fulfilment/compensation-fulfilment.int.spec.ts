import 'reflect-metadata';
import pg from 'pg';
import { jetstream } from '@nats-io/jetstream';
import { ComplaintsRpc } from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import { eventually, testService } from '@cs/testing';
import { complaintsConfigFromEnv } from '../../config/complaints.config.js';
import { createComplaintsService } from '../../main.js';
import { AFTER_SALES_FULFILMENT_CONSUMER, GIFTS_FULFILMENT_CONSUMER } from './compensation-fulfilment.consumer.js';

const agent: Actor = { id: 'agent-1', role: 'hq_cs_agent', regionIds: ['R1'], name: 'Li' };

describe('compensation hand-overs reported by gifts and after-sales', () => {
  const complaints = testService({
    service: 'complaints',
    config: () => complaintsConfigFromEnv({}),
    start: createComplaintsService,
    now: '2026-06-01T01:00:00.000Z',
    upstream: ['members', 'gifts', 'after-sales'],
  });
  const { iso } = complaints;
  const call = <T = any>(subject: string, payload: unknown) => complaints.call<T>(subject, payload, { actor: agent });

  beforeAll(() => complaints.start());
  afterAll(() => complaints.stop());

  /** A complaint whose accepted solution granted `compensation`. */
  async function granted(compensation: Record<string, unknown>): Promise<string> {
    const { id } = await call(ComplaintsRpc.FileComplaint, { channel: 'phone', source: 'hq', storeId: 'S001', customer: { name: 'Zhao Lei', mobile: '13811112222' }, description: 'Seam split' });
    const act = (subject: string, body: Record<string, unknown>) => call(subject, { complaintId: id, ...body });
    await act(ComplaintsRpc.ClassifyComplaint, { category: 'PRODUCT_QUALITY', severity: 'P3' });
    await act(ComplaintsRpc.AssignComplaint, { assigneeId: agent.id });
    await act(ComplaintsRpc.ProposeSolution, { description: 'Our apologies', compensation });
    await act(ComplaintsRpc.AcceptSolution, { solutionNo: 1 });
    return id;
  }

  const publish = (subject: string, envelope: Record<string, unknown>, msgID: string) =>
    jetstream(complaints.nc).publish(`${iso.subjectPrefix}${subject}`, JSON.stringify({ version: 1, occurredAt: '2026-06-01T03:00:00.000Z', streamVersion: 3, ...envelope }), { msgID });
  const giftIssued = (id: string, issuanceId: string, complaintId: string) => ({
    id,
    type: 'gifts.GiftIssued',
    source: 'gifts',
    streamId: `issuance-${issuanceId}`,
    data: { issuanceId, locationId: 'S001', giftSku: 'GIFT-SCARF-01', quantity: 1, reason: 'complaint_compensation', complaintId, issuedBy: 'staff-7', issuedAt: '2026-06-01T03:00:00.000Z' },
  });
  const fulfilments = async (id: string) => (await call(ComplaintsRpc.GetComplaint, { complaintId: id })).solutions[0].fulfilments;

  it('marks a gift compensation fulfilled once per issuance, however often the event is delivered', async () => {
    const id = await granted({ kind: 'gift', giftSku: 'GIFT-SCARF-01', quantity: 1 });
    await publish('gifts.evt.GiftIssued.v1', giftIssued('gi-1', 'iss-1', id), 'a');
    await publish('gifts.evt.GiftIssued.v1', giftIssued('gi-1', 'iss-1', id), 'b'); // redelivered
    await publish('gifts.evt.GiftIssued.v1', giftIssued('gi-1-again', 'iss-1', id), 'c'); // published again by the producer
    // a gift issued for another reason says nothing about compensations
    await publish('gifts.evt.GiftIssued.v1', { ...giftIssued('gi-2', 'iss-2', id), data: { ...giftIssued('gi-2', 'iss-2', id).data, reason: 'purchase_promotion' } }, 'd');
    await eventually(async () => expect(await fulfilments(id)).toEqual([{ source: 'gifts', ref: 'iss-1', fulfilledAt: '2026-06-01T03:00:00.000Z' }]));
    const history = await call(ComplaintsRpc.ComplaintHistory, { complaintId: id });
    expect(history.items.filter((i: { type: string }) => i.type === 'CompensationFulfilled')).toHaveLength(1);
  });

  it('marks a refund fulfilled when after-sales completes the linked request, and ignores a completion that fulfils nothing', async () => {
    const refunded = await granted({ kind: 'refund', amount: 29900 });
    const voucher = await granted({ kind: 'voucher', amount: 5000 });
    const completed = (id: string, requestId: string, complaintId: string) => ({
      id,
      type: 'after-sales.AfterSalesCompleted',
      source: 'after-sales',
      streamId: `after-sales-${requestId}`,
      data: { requestId, type: 'return', storeId: 'S001', linkedComplaintId: complaintId, completedAt: '2026-06-02T03:00:00.000Z', callbackDueAt: '2026-06-05T03:00:00.000Z', amount: 29900, notifyReporter: false },
    });
    // a request completed at another store naming this complaint fulfils nothing (delivered first, in order)
    const elsewhere = completed('as-0', 'R-0', refunded);
    await publish('after-sales.evt.AfterSalesCompleted.v1', { ...elsewhere, data: { ...elsewhere.data, storeId: 'S002' } }, 'e0');
    await publish('after-sales.evt.AfterSalesCompleted.v1', completed('as-1', 'R-1', refunded), 'e');
    await publish('after-sales.evt.AfterSalesCompleted.v1', completed('as-2', 'R-2', voucher), 'f'); // a return naming a complaint compensated by a voucher
    await eventually(async () => expect(await fulfilments(refunded)).toEqual([{ source: 'after-sales', ref: 'R-1', fulfilledAt: '2026-06-02T03:00:00.000Z' }]));
    expect(await fulfilments(voucher)).toBeUndefined();
    const db = new pg.Client({ connectionString: iso.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('select count(*)::int as n from es_dead_letters where consumer_id = $1', [AFTER_SALES_FULFILMENT_CONSUMER]);
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('dead-letters a gift issued for a complaint this service does not know, naming why', async () => {
    await publish('gifts.evt.GiftIssued.v1', giftIssued('gi-unknown', 'iss-9', 'no-such-complaint'), 'g');
    const db = new pg.Client({ connectionString: iso.databaseUrl });
    await db.connect();
    try {
      await eventually(async () => {
        const { rows } = await db.query("select message_id, reason from es_dead_letters where consumer_id like $1 || '--%'", [GIFTS_FULFILMENT_CONSUMER]);
        expect(rows).toEqual([expect.objectContaining({ message_id: 'gi-unknown', reason: expect.stringContaining('COMPLAINT_NOT_FOUND') })]);
      });
    } finally {
      await db.end();
    }
  });
});
