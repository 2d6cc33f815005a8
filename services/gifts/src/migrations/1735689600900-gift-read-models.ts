import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GiftReadModels1735689600900 implements MigrationInterface {
  name = 'GiftReadModels1735689600900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table if not exists gift_catalogue_v1 (
        sku          text primary key,
        name         text not null,
        spec         text not null,
        unit         text not null,
        unit_cost    bigint not null,
        points_price bigint,
        category     text,
        min_hq       int not null,
        min_store    int not null,
        high_value   boolean not null,
        active       boolean not null,
        version      int not null,
        updated_at   timestamptz not null
      );

      -- 门店礼品库存表 / 总仓礼品库存表: one row per location and SKU, folded from the ledger.
      create table if not exists gift_stock_v1 (
        location_id     text not null,
        sku             text not null,
        location_kind   text not null,
        on_hand         int not null,
        reserved        int not null,
        in_transit      int not null,
        damaged_or_lost int not null,
        version         int not null,
        updated_at      timestamptz not null,
        primary key (location_id, sku)
      );

      -- 赠品发放登记表
      create table if not exists gift_issuances_v1 (
        issuance_id      text primary key,
        location_id      text not null,
        sku              text not null,
        quantity         int not null,
        reason           text not null,
        member_id        text,
        customer_name    text,
        customer_mobile  text,
        cause_ref        text,
        entitlement_code text,
        issued_by        text not null,
        issued_at        timestamptz not null,
        status           text not null,
        refusal          text,
        version          int not null
      );
      create index if not exists gift_issuances_v1_location on gift_issuances_v1 (location_id, issued_at desc);
      create index if not exists gift_issuances_v1_member on gift_issuances_v1 (member_id, issued_at desc);

      -- Plans, requests, entitlements and stocktakes for lists; one view is the fold of its stream.
      create table if not exists gift_documents_v1 (
        kind        text not null,
        id          text not null,
        status      text not null,
        location_id text,
        member_id   text,
        period      text,
        created_at  timestamptz not null,
        updated_at  timestamptz not null,
        version     int not null,
        summary     jsonb not null,
        primary key (kind, id)
      );
      create index if not exists gift_documents_v1_list on gift_documents_v1 (kind, created_at desc, id);
      create index if not exists gift_documents_v1_period on gift_documents_v1 (kind, period);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists gift_catalogue_v1, gift_stock_v1, gift_issuances_v1, gift_documents_v1');
  }
}
