import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintReadModels1735689600100 implements MigrationInterface {
  name = 'ComplaintReadModels1735689600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table if not exists complaint_list_v1 (
        complaint_id           text primary key,
        complaint_no           text not null,
        store_id               text not null,
        region_id              text,
        member_id              text,
        channel                text not null,
        source                 text not null,
        category               text,
        severity               text not null,
        status                 text not null,
        assignee_id            text,
        escalation_level       text not null,
        received_at            timestamptz not null,
        first_response_due_at  timestamptz not null,
        resolution_due_at      timestamptz not null,
        first_response_breached boolean not null default false,
        resolution_breached    boolean not null default false,
        repeat_of_complaint_id text,
        version                int not null
      );
      create index if not exists complaint_list_v1_store on complaint_list_v1 (store_id, received_at desc);
      create index if not exists complaint_list_v1_member on complaint_list_v1 (member_id, category, received_at desc);
      create index if not exists complaint_list_v1_status on complaint_list_v1 (status, received_at desc);
      create index if not exists complaint_list_v1_assignee on complaint_list_v1 (assignee_id, received_at desc);

      -- Local copy of members, fed by members' public events (never by calling members).
      create table if not exists member_directory (
        member_id      text primary key,
        member_no      text,
        name           text not null,
        status         text not null,
        store_id       text not null,
        tier           text,
        source_version int not null,
        updated_at     timestamptz not null default now()
      );
      create sequence if not exists complaint_no_seq;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists complaint_list_v1, member_directory; drop sequence if exists complaint_no_seq');
  }
}
