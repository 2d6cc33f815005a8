import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A closed member's greeting keeps no birthday (crypto-shredding): the column becomes nullable. */
export class BirthdayGreetingErasable1735689600500 implements MigrationInterface {
  name = 'BirthdayGreetingErasable1735689600500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table birthday_greeting_v1 alter column birthday drop not null, alter column month drop not null');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("delete from birthday_greeting_v1 where birthday is null or month is null");
    await q.query('alter table birthday_greeting_v1 alter column birthday set not null, alter column month set not null');
  }
}
