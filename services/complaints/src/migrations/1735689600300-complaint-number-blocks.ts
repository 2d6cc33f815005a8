import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint numbers are reserved 50 at a time per process (SequenceBlock): one `nextval` per 50
 * complaints instead of one per complaint. Numbers stay unique; a stopped process leaves a gap.
 */
export class ComplaintNumberBlocks1735689600300 implements MigrationInterface {
  name = 'ComplaintNumberBlocks1735689600300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter sequence complaint_no_seq increment by 50');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter sequence complaint_no_seq increment by 1');
  }
}
