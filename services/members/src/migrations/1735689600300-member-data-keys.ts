import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crypto-shredding: one data key per member, sealing the personal fields of its events; closure
 * sets it to null. The analysis profile keeps the birth year-month of a closed member (its birth
 * date is gone with the key).
 */
export class MemberDataKeys1735689600300 implements MigrationInterface {
  name = 'MemberDataKeys1735689600300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table if not exists member_data_keys (
        subject_id  text primary key,
        data_key    bytea,
        created_at  timestamptz not null default now(),
        shredded_at timestamptz
      );
      alter table loyalty_member_profile_v1 add column if not exists birth_year_month text;
      -- why a full profile was read: the case of the identity check it followed (§1.7.6 rule 4)
      alter table member_profile_reads add column if not exists case_ref text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists member_data_keys; alter table loyalty_member_profile_v1 drop column if exists birth_year_month; alter table member_profile_reads drop column if exists case_ref');
  }
}
