import type { Pool } from 'pg';

/**
 * Numbers from a Postgres sequence, reserved a block at a time: the sequence's INCREMENT BY is the
 * block size, so one `nextval` reserves `[n, n + increment)` for this process alone and the next
 * `increment - 1` numbers cost no round trip. Numbers stay unique across replicas; they are not
 * continuous (a process that stops leaves the rest of its block unused) nor in filing order across
 * replicas.
 */
export class SequenceBlock {
  private next = 0n;
  private end = 0n;
  private reserving: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly sequence: string,
  ) {}

  async take(): Promise<bigint> {
    while (this.next >= this.end) {
      this.reserving ??= this.reserve().finally(() => (this.reserving = undefined));
      await this.reserving;
    }
    return this.next++;
  }

  private async reserve(): Promise<void> {
    const { rows } = await this.pool.query<{ first: string; size: string }>(
      'select nextval($1::regclass) as first, (select seqincrement from pg_sequence where seqrelid = $1::regclass) as size',
      [this.sequence],
    );
    this.next = BigInt(rows[0].first);
    this.end = this.next + BigInt(rows[0].size);
  }
}
