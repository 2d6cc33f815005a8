import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MEMBER_DIRECTORY_TABLE_SQL } from '@cs/nest-common';

/** The request list (with the repair clocks for the overdue view), the return register, the request numbers and the member directory. */
export class AfterSalesRequests1735689600310 implements MigrationInterface {
  name = 'AfterSalesRequests1735689600310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table if not exists after_sales_list_v1 (
        request_id          text primary key,
        type                text not null,
        status              text not null,
        store_id            text not null,
        region_id           text,
        member_id           text,
        order_ref           text,
        reason              text not null,
        origin              text not null,
        service_mode        text,
        linked_complaint_id text,
        requested_at        timestamptz not null,
        window_ends_at      timestamptz,
        due_at              timestamptz,
        clock_stopped_at    timestamptz,
        breached            boolean not null default false,
        refunded_total      bigint not null default 0,
        version             int not null
      );
      create index if not exists after_sales_list_v1_store on after_sales_list_v1 (store_id, requested_at desc);
      create index if not exists after_sales_list_v1_member on after_sales_list_v1 (member_id, requested_at desc);
      create index if not exists after_sales_list_v1_due on after_sales_list_v1 (due_at) where clock_stopped_at is null;

      create table if not exists return_register_v1 (
        line_id      text primary key,
        request_id   text not null,
        sku          text not null,
        store_id     text not null,
        request_type text not null,
        order_ref    text,
        name         text not null,
        size         text,
        colour       text,
        quantity     int not null check (quantity > 0),
        unit_price   bigint not null,
        reason       text not null,
        problem      text not null,
        waybill_no   text,
        disposition  text not null,
        requested_at timestamptz not null,
        version      int not null
      );
      create index if not exists return_register_v1_store on return_register_v1 (store_id, requested_at);
      create index if not exists return_register_v1_request on return_register_v1 (request_id);

      create sequence if not exists after_sales_no_seq;
    `);
    // local copy of members, fed by members' public events
    await q.query(MEMBER_DIRECTORY_TABLE_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists after_sales_list_v1, return_register_v1, member_directory; drop sequence if exists after_sales_no_seq');
  }
}
