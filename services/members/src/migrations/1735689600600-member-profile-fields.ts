import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which profile fields each member has on file, for the periodic completeness check (R97). Rows
 * written before the column have none recorded: the member list is rebuilt from the log (the
 * replica holding the projection's lease does it).
 */
export class MemberProfileFields1735689600600 implements MigrationInterface {
  name = 'MemberProfileFields1735689600600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table member_list_v1 add column if not exists present_fields jsonb not null default '[]'`);
    await q.query(`insert into es_rebuild_requests (processor_id) select 'projection:member-list:v1' where exists (select 1 from member_list_v1) on conflict (processor_id) do update set requested_at = now(), started_at = null, done_at = null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table member_list_v1 drop column if exists present_fields');
  }
}
