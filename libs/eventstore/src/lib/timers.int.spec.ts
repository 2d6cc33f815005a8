import { createTestDatabase, eventually, type TestDatabase } from '@cs/testing';
import { EVENT_STORE_SCHEMA_SQL } from './schema.js';
import { TestClock } from './clock.js';
import { cancelTimers, scheduleTimer, TimerWorker, type Timer } from './timers.js';
import { pgTransact } from './sql-tx.js';

describe('TimerWorker', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('timers');
    await db.pool.query(EVENT_STORE_SCHEMA_SQL);
  });
  afterAll(() => db.drop());

  it('fires a timer at its instant and not before, once, and survives a restart', async () => {
    const clock = new TestClock('2026-03-02T00:00:00Z');
    const fired: Timer[] = [];
    const transact = pgTransact(db.pool);
    await transact((tx) =>
      scheduleTimer(tx, { timerId: 'x:1', streamId: 'x', kind: 'sla.breach', dueAt: new Date('2026-03-02T10:00:00Z'), payload: { a: 1 } }),
    );
    await transact((tx) =>
      scheduleTimer(tx, { timerId: 'x:2', streamId: 'x', kind: 'sla.breach.late', dueAt: new Date('2026-03-03T10:00:00Z'), payload: {} }),
    );
    const worker = new TimerWorker(db.pool, clock, async (t) => void fired.push(t), { maxIdleMs: 20 });
    worker.start();
    clock.set('2026-03-02T09:59:59.999Z');
    await new Promise((r) => setTimeout(r, 100));
    expect(fired).toHaveLength(0);
    clock.set('2026-03-02T10:00:00.000Z');
    await eventually(() => expect(fired.map((t) => t.timerId)).toEqual(['x:1']));
    expect(fired[0].dueAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    await worker.stop();

    const restarted = new TimerWorker(db.pool, clock, async (t) => void fired.push(t), { maxIdleMs: 20 });
    restarted.start();
    clock.set('2026-03-03T10:00:00Z');
    await eventually(() => expect(fired.map((t) => t.timerId)).toEqual(['x:1', 'x:2']));
    await restarted.stop();
  });

  it('does not fire cancelled timers, and refires a timer whose firing failed', async () => {
    const clock = new TestClock('2026-04-01T00:00:00Z');
    const transact = pgTransact(db.pool);
    await transact(async (tx) => {
      await scheduleTimer(tx, { timerId: 'y:1', streamId: 'y', kind: 'sla.first', dueAt: new Date('2026-04-01T01:00:00Z'), payload: {} });
      await scheduleTimer(tx, { timerId: 'y:2', streamId: 'y', kind: 'sla.resolution', dueAt: new Date('2026-04-01T01:00:00Z'), payload: {} });
      await cancelTimers(tx, 'y', 'sla.first');
    });
    let attempts = 0;
    const worker = new TimerWorker(db.pool, clock, async (t) => {
      attempts++;
      if (attempts === 1) throw new Error('transient');
      expect(t.timerId).toBe('y:2');
    });
    clock.set('2026-04-01T02:00:00Z');
    expect(await worker.fireDue()).toBe(0); // failed: backs off instead of blocking the rest
    const { rows } = await db.pool.query("select attempts, last_error, next_attempt_at from es_timers where timer_id = 'y:2'");
    expect(rows[0]).toMatchObject({ attempts: 1, last_error: 'transient' });
    expect(await worker.fireDue()).toBe(0); // not before its retry instant
    clock.set('2026-04-01T02:00:02Z');
    expect(await worker.fireDue()).toBe(1);
    expect(await worker.fireDue()).toBe(0);
    expect(attempts).toBe(2);
  });

  it('lets other due timers fire while one keeps failing', async () => {
    const clock = new TestClock('2026-05-01T00:00:00Z');
    const transact = pgTransact(db.pool);
    await transact(async (tx) => {
      await scheduleTimer(tx, { timerId: 'z:bad', streamId: 'z', kind: 'k', dueAt: new Date('2026-05-01T00:00:01Z'), payload: {} });
      await scheduleTimer(tx, { timerId: 'z:good', streamId: 'z2', kind: 'k', dueAt: new Date('2026-05-01T00:00:02Z'), payload: {} });
    });
    const fired: string[] = [];
    const worker = new TimerWorker(db.pool, clock, async (t) => {
      if (t.timerId === 'z:bad') throw new Error('always fails');
      fired.push(t.timerId);
    });
    clock.set('2026-05-01T00:01:00Z');
    expect(await worker.fireDue()).toBe(1);
    expect(fired).toEqual(['z:good']);
  });

  it('holds no transaction while a handler runs, so log readers keep moving', async () => {
    const clock = new TestClock('2026-06-01T00:00:00Z');
    await pgTransact(db.pool)((tx) =>
      scheduleTimer(tx, { timerId: 'w:1', streamId: 'w', kind: 'k', dueAt: new Date('2026-06-01T00:00:01Z'), payload: {} }),
    );
    let writersDuringFire = -1;
    const fired: string[] = [];
    const worker = new TimerWorker(db.pool, clock, async (t) => {
      fired.push(t.timerId);
      const { rows } = await db.pool.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`,
      );
      writersDuringFire = Math.max(writersDuringFire, rows[0].n);
    });
    clock.set('2026-06-01T00:00:02Z');
    await worker.fireDue();
    expect(fired).toContain('w:1');
    expect(writersDuringFire).toBe(0);
  });

  it('leaves a timer claimed by another worker alone until its lease runs out', async () => {
    const clock = new TestClock('2026-07-01T00:00:00Z');
    await pgTransact(db.pool)((tx) =>
      scheduleTimer(tx, { timerId: 'v:1', streamId: 'v', kind: 'k', dueAt: new Date('2026-07-01T00:00:01Z'), payload: {} }),
    );
    // a worker that claimed it and died before marking it fired
    await db.pool.query("update es_timers set claimed_until = clock_timestamp() + interval '300 milliseconds' where timer_id = 'v:1'");
    const fired: string[] = [];
    const worker = new TimerWorker(db.pool, clock, async (t) => void fired.push(t.timerId));
    clock.set('2026-07-01T00:00:02Z');
    expect(await worker.fireDue()).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await worker.fireDue()).toBe(1);
    expect(fired).toEqual(['v:1']);
    const { rows } = await db.pool.query("select fired_at, claimed_until from es_timers where timer_id = 'v:1'");
    expect(rows[0].fired_at).not.toBeNull();
    expect(rows[0].claimed_until).toBeNull();
  });
});
