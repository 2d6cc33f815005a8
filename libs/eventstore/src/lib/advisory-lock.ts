import type { Pool, PoolClient } from 'pg';

/**
 * A lease on a name, held through a session-level advisory lock on a dedicated connection: one
 * holder across all replicas; if the holder's process or connection dies, Postgres releases it.
 */
export class AdvisoryLease {
  private client: PoolClient | null = null;

  constructor(
    private readonly pool: Pool,
    readonly name: string,
  ) {}

  get held(): boolean {
    return this.client !== null;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [this.name]);
      if (rows[0].ok) {
        client.on('error', () => this.drop());
        this.client = client;
        return true;
      }
    } catch {
      // the lock query failed: treat as not acquired
    }
    client.release();
    return false;
  }

  private drop(): void {
    const client = this.client;
    this.client = null;
    client?.release(true);
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = null;
    try {
      await client.query('select pg_advisory_unlock(hashtext($1))', [this.name]);
      client.release();
    } catch {
      client.release(true);
    }
  }
}
