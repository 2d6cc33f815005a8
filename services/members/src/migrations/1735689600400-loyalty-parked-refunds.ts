import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Refunds that arrived before the purchase they refund: applied when the purchase is recorded. */
export class LoyaltyParkedRefunds1735689600400 implements MigrationInterface {
  name = 'LoyaltyParkedRefunds1735689600400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table if not exists loyalty_parked_refund (
        refund_id   text primary key,
        receipt_no  text not null,
        amount      bigint not null,
        envelope_id text not null,
        parked_at   timestamptz not null default now()
      );
      create index if not exists loyalty_parked_refund_receipt on loyalty_parked_refund (receipt_no);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists loyalty_parked_refund');
  }
}
