import type { MigrationInterface } from 'typeorm';

/** The first read-model migration; the event-store schema comes before it. Projections add their tables in later ones. */
export class AfterSalesReadModels1735689600300 implements MigrationInterface {
  name = 'AfterSalesReadModels1735689600300';

  async up(): Promise<void> {
    // no read models yet
  }

  async down(): Promise<void> {
    // nothing to undo
  }
}
