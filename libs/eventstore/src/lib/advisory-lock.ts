import type { Pool, PoolClient } from 'pg';
import { guardClient, guardPoolClients } from './pg.js';

/**
 * One connection per pool that holds every advisory lock the process has taken on it. A lock per
 * connection would keep one pooled connection out of use per processor (a service with six
 * processors and a pool of ten would have four left for its commands); session locks held on one
 * shared session cost one. If that connection dies, Postgres releases all of its locks and every
 * lease on it is dropped at once; each holder retakes its lease on a new session.
 */
class LeaseSession {
  private client: PoolClient | null = null;
  private onError: (() => void) | null = null;
  private connecting: Promise<PoolClient> | null = null;
  /** name → the lease holding it (session locks are re-entrant: one holder per name here). */
  private readonly holders = new Map<string, AdvisoryLease>();
  /** The session's statements, one at a time (a pg client must not be given a second while one runs). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly pool: Pool) {}

  holds(lease: AdvisoryLease): boolean {
    return this.client !== null && this.holders.get(lease.name) === lease;
  }

  async tryAcquire(lease: AdvisoryLease): Promise<boolean> {
    const holder = this.holders.get(lease.name);
    if (holder) return holder === lease && this.client !== null;
    this.holders.set(lease.name, lease); // reserved: a second lease on the name in this process waits its turn
    try {
      const client = await this.connection();
      const { rows } = await this.serially(() => client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [lease.name]));
      if (rows[0].ok && this.client === client) {
        lease.acquired();
        return true;
      }
    } catch {
      // the session broke while locking: not acquired (drop() has cleared every holder)
    }
    if (this.holders.get(lease.name) === lease) this.holders.delete(lease.name);
    this.releaseIfUnused();
    return false;
  }

  async release(lease: AdvisoryLease): Promise<void> {
    if (!this.holds(lease)) return;
    const client = this.client as PoolClient;
    this.holders.delete(lease.name);
    try {
      await this.serially(() => client.query('select pg_advisory_unlock(hashtext($1))', [lease.name]));
      this.releaseIfUnused();
    } catch {
      if (this.client === client) this.drop(); // the session is suspect: end it, with every lock on it
    }
  }

  private serially<T>(statement: () => Promise<T>): Promise<T> {
    const next = this.queue.then(statement, statement);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private connection(): Promise<PoolClient> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      try {
        guardPoolClients(this.pool);
        const client = await this.pool.connect();
        guardClient(client);
        const onError = () => {
          if (this.client === client) this.drop();
        };
        client.on('error', onError);
        this.client = client;
        this.onError = onError;
        return client;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  /** Every lock on the session is gone with it (Postgres releases a dead session's locks). */
  private drop(): void {
    const client = this.client;
    this.client = null;
    this.holders.clear();
    this.onError = null;
    client?.release(true);
  }

  private releaseIfUnused(): void {
    if (this.holders.size > 0 || !this.client) return;
    const client = this.client;
    this.client = null;
    if (this.onError) client.removeListener('error', this.onError);
    this.onError = null;
    client.release();
  }
}

const sessions = new WeakMap<Pool, LeaseSession>();

function sessionOf(pool: Pool): LeaseSession {
  let session = sessions.get(pool);
  if (!session) {
    session = new LeaseSession(pool);
    sessions.set(pool, session);
  }
  return session;
}

/**
 * A lease on a name: one holder across all replicas (and within the process), through a
 * session-level advisory lock on the pool's shared lease session. If the holder's process or
 * that connection dies, Postgres releases the lock and `held` turns false.
 */
export class AdvisoryLease {
  private readonly session: LeaseSession;

  constructor(
    pool: Pool,
    readonly name: string,
  ) {
    this.session = sessionOf(pool);
  }

  private timesAcquired = 0;

  get held(): boolean {
    return this.session.holds(this);
  }

  /**
   * Counts the acquisitions: a holder that sees it change knows the lease was lost and taken
   * again meanwhile (another replica may have done the work in between).
   */
  get generation(): number {
    return this.timesAcquired;
  }

  /** @internal called by the session when it takes the lock for this lease. */
  acquired(): void {
    this.timesAcquired++;
  }

  tryAcquire(): Promise<boolean> {
    return this.session.tryAcquire(this);
  }

  release(): Promise<void> {
    return this.session.release(this);
  }
}
