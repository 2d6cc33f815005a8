import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberReadModels1735689600100 implements MigrationInterface {
  name = 'MemberReadModels1735689600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table if not exists member_list_v1 (
        member_id      text primary key,
        member_no      text,
        store_id       text not null,
        name           text not null,
        mobile         text not null,
        status         text not null,
        tier           text not null,
        missing_fields jsonb not null default '[]'::jsonb,
        submitted_at   timestamptz not null,
        submitted_date date not null,
        activated_at   timestamptz,
        version        int not null
      );
      create index if not exists member_list_v1_queue on member_list_v1 (status, submitted_date, submitted_at);
      create index if not exists member_list_v1_store on member_list_v1 (store_id, submitted_at desc);
      create index if not exists member_list_v1_no on member_list_v1 (member_no);

      -- Synchronous uniqueness of mobile numbers, written in the append transaction.
      create table if not exists member_mobile_index (
        mobile_hash text primary key,
        member_id   text not null
      );
      create sequence if not exists member_no_seq;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists member_list_v1, member_mobile_index; drop sequence if exists member_no_seq');
  }
}
