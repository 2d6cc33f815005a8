import type { SqlTx } from '@cs/eventstore';

/** A refund of a receipt members has not recorded yet (the feeds are not ordered against each other). */
export interface ParkedRefund {
  refundId: string;
  receiptNo: string;
  amount: number;
  envelopeId: string;
}

type Runner = Pick<SqlTx, 'query'> | { query: (sql: string, params?: unknown[]) => Promise<unknown> };

/**
 * Serialises, per receipt, the refund feed's "is the purchase there? else park" with the
 * purchase's claim of its receipt: a refund parked just as its purchase commits is then always
 * seen by the purchase's reaction, never left behind.
 */
export async function lockReceipt(runner: Runner, receiptNo: string): Promise<void> {
  await runner.query("select pg_advisory_xact_lock(hashtextextended('loyalty-receipt:' || $1, 0))", [receiptNo]);
}

export async function parkRefund(tx: SqlTx, refund: ParkedRefund): Promise<void> {
  await tx.query(
    `insert into loyalty_parked_refund (refund_id, receipt_no, amount, envelope_id) values ($1, $2, $3, $4) on conflict (refund_id) do nothing`,
    [refund.refundId, refund.receiptNo, refund.amount, refund.envelopeId],
  );
}

/** The refunds waiting for a receipt, oldest first, taken off the parking (in the caller's transaction). */
export async function unparkRefunds(tx: SqlTx, receiptNo: string): Promise<ParkedRefund[]> {
  const rows = await tx.query<{ refund_id: string; receipt_no: string; amount: string; envelope_id: string; parked_at: Date }>(
    // a CTE: a bare DELETE … RETURNING comes back from TypeORM as [rows, count]
    'with d as (delete from loyalty_parked_refund where receipt_no = $1 returning refund_id, receipt_no, amount, envelope_id, parked_at) select * from d',
    [receiptNo],
  );
  rows.sort((a, b) => a.parked_at.getTime() - b.parked_at.getTime() || a.refund_id.localeCompare(b.refund_id));
  return rows.map((r) => ({ refundId: r.refund_id, receiptNo: r.receipt_no, amount: Number(r.amount), envelopeId: r.envelope_id }));
}
