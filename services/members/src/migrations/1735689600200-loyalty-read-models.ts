import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loyalty read models. The fact tables are append-only and carry the instant each fact was
 * recorded, so the analyses can be computed as known at any past instant (`asOf`).
 */
export class LoyaltyReadModels1735689600200 implements MigrationInterface {
  name = 'LoyaltyReadModels1735689600200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Synchronous: a receipt belongs to one member, written in the purchase's append transaction.
      create table if not exists loyalty_receipt_index (
        receipt_no text primary key,
        member_id  text not null
      );

      create table if not exists loyalty_account_v1 (
        member_id             text primary key,
        store_id              text not null,
        region_id             text,
        status                text not null,
        tier                  text not null,
        opened_at             timestamptz not null,
        membership_expires_at timestamptz not null,
        expires_month         text not null,
        expiring_notice_for   timestamptz,
        last_purchase_at      timestamptz,
        version               int not null
      );
      create index if not exists loyalty_account_v1_expiring on loyalty_account_v1 (expires_month, store_id);

      create table if not exists loyalty_purchase_fact_v1 (
        receipt_no   text primary key,
        member_id    text not null,
        store_id     text not null,
        region_id    text,
        channel      text not null,
        amount       bigint not null,
        item_count   int not null,
        purchased_at timestamptz not null,
        recorded_at  timestamptz not null
      );
      create index if not exists loyalty_purchase_fact_v1_store on loyalty_purchase_fact_v1 (store_id, purchased_at);
      create index if not exists loyalty_purchase_fact_v1_member on loyalty_purchase_fact_v1 (member_id, purchased_at);

      create table if not exists loyalty_refund_fact_v1 (
        refund_id   text primary key,
        receipt_no  text not null,
        member_id   text not null,
        amount      bigint not null,
        recorded_at timestamptz not null
      );
      create index if not exists loyalty_refund_fact_v1_receipt on loyalty_refund_fact_v1 (receipt_no);

      create table if not exists loyalty_status_fact_v1 (
        member_id   text not null,
        version     int not null,
        status      text not null,
        at          timestamptz not null,
        recorded_at timestamptz not null,
        primary key (member_id, version)
      );

      -- Every sale, member or not, from the POS feed: the daily member consumption share.
      create table if not exists sales_fact_v1 (
        receipt_no  text primary key,
        store_id    text not null,
        amount      bigint not null,
        member      boolean not null,
        at          timestamptz not null,
        recorded_at timestamptz not null
      );

      -- Who saw a member's full profile, when, and the identity check it followed (rule 4 of §1.7.6).
      create table if not exists member_profile_reads (
        read_id             bigserial primary key,
        member_id           text not null,
        actor_id            text not null,
        actor_role          text not null,
        read_at             timestamptz not null,
        identity_checked_at timestamptz
      );
      create index if not exists member_profile_reads_member on member_profile_reads (member_id, read_at);

      -- What the analyses and the birthday run need from the member record, nothing more.
      create table if not exists loyalty_member_profile_v1 (
        member_id     text primary key,
        store_id      text not null,
        gender        text,
        birth_date    date,
        birth_month   text,
        review_status text not null,
        version       int not null
      );
      create index if not exists loyalty_member_profile_v1_birth on loyalty_member_profile_v1 (birth_month);

      create table if not exists birthday_greeting_v1 (
        greeting_id           text primary key,
        member_id             text not null,
        store_id              text not null,
        year                  int not null,
        month                 text not null,
        birthday              date not null,
        tier                  text,
        call_on_the_day       boolean not null,
        status                text not null,
        gift_due_at           timestamptz,
        card_sent_at          timestamptz,
        card_channel          text,
        gift_card_issuance_id text,
        call_outcome          text,
        version               int not null
      );
      create index if not exists birthday_greeting_v1_month on birthday_greeting_v1 (month, store_id, birthday);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists loyalty_receipt_index, loyalty_account_v1, loyalty_purchase_fact_v1, loyalty_refund_fact_v1,
      loyalty_status_fact_v1, sales_fact_v1, loyalty_member_profile_v1, birthday_greeting_v1, member_profile_reads`);
  }
}
