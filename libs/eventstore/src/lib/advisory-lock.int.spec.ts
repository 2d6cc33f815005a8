import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@cs/testing';
import { AdvisoryLease } from './advisory-lock.js';

describe('advisory leases', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let otherReplica: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('leases');
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    otherReplica = new pg.Pool({ connectionString: db.url, max: 4 });
    for (const p of [pool, otherReplica]) p.on('error', () => undefined); // the terminated session, if it reached the pool
  });
  afterAll(async () => {
    await pool.end();
    await otherReplica.end();
    await db.drop();
  });

  it('holds every lease of a process on one connection, leaving the rest of the pool to the commands', async () => {
    const leases = Array.from({ length: 6 }, (_, i) => new AdvisoryLease(pool, `processor:p${i}`));
    expect(await Promise.all(leases.map((l) => l.tryAcquire()))).toEqual(leases.map(() => true));
    expect(pool.totalCount - pool.idleCount).toBe(1);
    // the other three connections still serve queries at once
    await Promise.all([1, 2, 3].map(() => pool.query('select pg_sleep(0.05)')));
    for (const lease of leases) await lease.release();
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('grants a name to one holder, in this process and across replicas, until it is released', async () => {
    const mine = new AdvisoryLease(pool, 'processor:x');
    const sameProcess = new AdvisoryLease(pool, 'processor:x');
    const replica = new AdvisoryLease(otherReplica, 'processor:x');
    expect(await mine.tryAcquire()).toBe(true);
    expect(await sameProcess.tryAcquire()).toBe(false);
    expect(await replica.tryAcquire()).toBe(false);
    expect(mine.held && !sameProcess.held && !replica.held).toBe(true);
    await mine.release();
    expect(mine.held).toBe(false);
    expect(await replica.tryAcquire()).toBe(true);
    expect(await sameProcess.tryAcquire()).toBe(false);
    await replica.release();
    expect(await sameProcess.tryAcquire()).toBe(true);
    await sameProcess.release();
  });

  it('drops every lease of the session when its connection dies, and lets them be retaken', async () => {
    const a = new AdvisoryLease(pool, 'processor:a');
    const b = new AdvisoryLease(pool, 'processor:b');
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(true);
    await otherReplica.query(
      `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = hashtext('processor:a')::oid`,
    );
    for (let i = 0; i < 50 && (a.held || b.held); i++) await new Promise((r) => setTimeout(r, 20));
    expect([a.held, b.held]).toEqual([false, false]);
    const replica = new AdvisoryLease(otherReplica, 'processor:b');
    expect(await replica.tryAcquire()).toBe(true); // Postgres released the dead session's locks
    await replica.release();
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(true);
    await a.release();
    await b.release();
  });
});
