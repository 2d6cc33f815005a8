import type { Pool, PoolClient } from 'pg';
import { guardClient, guardPoolClients } from './pg.js';

/**
 * A lease on a name, held through a session-level advisory lock on a dedicated connection: one
 * holder across all replicas; if the holder's process or connection dies, Postgres releases it.
 */
export class AdvisoryLease {
  private client: PoolClient | null = null;
  private onError: (() => void) | null = null;

  constructor(
    private readonly pool: Pool,
    readonly name: string,
  ) {}

  get held(): boolean {
    return this.client !== null;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    guardPoolClients(this.pool);
    const client = await this.pool.connect();
    guardClient(client);
    // Listening from checkout on: a connection dying during the lock query must not be an
    // unhandled `error` (that ends the process); once held, losing it drops the lease.
    let broken = false;
    const onError = () => {
      broken = true;
      if (this.client === client) this.drop();
    };
    client.on('error', onError);
    try {
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [this.name]);
      if (rows[0].ok && !broken) {
        this.client = client;
        this.onError = onError;
        return true;
      }
    } catch {
      broken = true; // the lock query failed: not acquired, and the connection is suspect
    }
    client.removeListener('error', onError);
    client.release(broken);
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
      if (this.onError) client.removeListener('error', this.onError);
      client.release();
    } catch {
      client.release(true);
    }
  }
}
