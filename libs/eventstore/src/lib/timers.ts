import type { Pool } from 'pg';
import type { Clock } from './clock.js';
import type { SqlTx } from './sql-tx.js';

export interface Timer {
  timerId: string;
  streamId: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

/** Schedules a timer inside the caller's transaction; scheduling the same id twice is a no-op. */
export async function scheduleTimer(tx: SqlTx, timer: Timer): Promise<void> {
  await tx.query(
    `insert into es_timers (timer_id, stream_id, kind, due_at, payload) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (timer_id) do nothing returning timer_id`,
    [timer.timerId, timer.streamId, timer.kind, timer.dueAt, JSON.stringify(timer.payload)],
  );
}

/** Schedules several timers in one statement; ids already scheduled are left as they are. */
export async function scheduleTimers(tx: SqlTx, timers: readonly Timer[]): Promise<void> {
  if (!timers.length) return;
  await tx.query(
    `insert into es_timers (timer_id, stream_id, kind, due_at, payload)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])
     on conflict (timer_id) do nothing returning timer_id`,
    [
      timers.map((t) => t.timerId),
      timers.map((t) => t.streamId),
      timers.map((t) => t.kind),
      timers.map((t) => t.dueAt),
      timers.map((t) => JSON.stringify(t.payload)),
    ],
  );
}

/** Cancels the stream's pending timers whose kind starts with `kindPrefix`. */
export async function cancelTimers(tx: SqlTx, streamId: string, kindPrefix = ''): Promise<void> {
  await tx.query(
    `with c as (update es_timers set cancelled_at = now()
       where stream_id = $1 and kind like $2 and fired_at is null and cancelled_at is null returning 1)
     select count(*) from c`,
    [streamId, `${kindPrefix}%`],
  );
}

export interface TimerWorkerOptions {
  /** Longest sleep between looks at the schedule; sleeps are shorter when a timer is due sooner. */
  maxIdleMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
  /** How long a claimed timer is reserved for the worker firing it (default 30 s); then another may. */
  leaseMs?: number;
  /** Called for each timer the worker tried, with the outcome. */
  onFired?: (timer: Timer, outcome: 'fired' | 'failed') => void;
}

/**
 * Fires durable timers at their instant. Due timers are claimed with FOR UPDATE SKIP LOCKED, so
 * replicas share the work; `fire` must be idempotent by timer id (a crash after firing and before
 * marking refires it). Time comes from the injected clock, so tests drive it.
 */
export class TimerWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly fire: (timer: Timer) => Promise<void>,
    private readonly options: TimerWorkerOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    const maxIdle = this.options.maxIdleMs ?? 250;
    while (this.running) {
      let sleep = maxIdle;
      try {
        const fired = await this.fireDue();
        if (fired > 0) sleep = 0;
        else {
          const next = await this.nextDueAt();
          if (next) sleep = Math.max(0, Math.min(maxIdle, next.getTime() - this.clock.now().getTime()));
        }
      } catch (error) {
        this.options.onError?.(error);
        sleep = 1000;
      }
      if (sleep > 0 && this.running) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, sleep);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
  }

  /** The next instant something may fire: a due time, or a retry time after a failure. */
  private async nextDueAt(): Promise<Date | null> {
    const { rows } = await this.pool.query<{ due_at: Date }>(
      `select min(greatest(due_at, coalesce(next_attempt_at, due_at))) as due_at
         from es_timers where fired_at is null and cancelled_at is null`,
    );
    return rows[0]?.due_at ?? null;
  }

  /**
   * Fires every timer due by the clock's now, one at a time and none inside a transaction, so one
   * failure neither undoes the others nor holds back any log reader's horizon. A failing timer
   * backs off and lets the others through. Returns how many fired.
   */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (let i = 0; i < (this.options.batchSize ?? 50); i++) {
      const outcome = await this.fireNext();
      if (outcome === 'none') break;
      if (outcome === 'fired') fired++;
    }
    return fired;
  }

  /**
   * Claims the next due timer with a lease in one short statement, fires it outside any
   * transaction, then marks it fired. Holding a transaction (and so a transaction id) across the
   * handler would hold back pg_snapshot_xmin, and with it every log reader on the cluster, for as
   * long as the handler runs. A worker that dies mid-fire leaves the lease to expire; the timer is
   * then fired again, which `fire` tolerates (idempotent by timer id).
   */
  private async fireNext(): Promise<'fired' | 'failed' | 'none'> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<{ timer_id: string; stream_id: string; kind: string; due_at: Date; payload: Record<string, unknown> }>(
      `update es_timers set claimed_until = clock_timestamp() + $2::int * interval '1 millisecond'
        where timer_id = (
          select timer_id from es_timers
           where fired_at is null and cancelled_at is null and due_at <= $1
             and (next_attempt_at is null or next_attempt_at <= $1)
             and (claimed_until is null or claimed_until < clock_timestamp())
           order by due_at limit 1 for update skip locked)
        returning timer_id, stream_id, kind, due_at, payload`,
      [now, this.options.leaseMs ?? 30_000],
    );
    if (!rows.length) return 'none';
    const row = rows[0];
    const timer: Timer = { timerId: row.timer_id, streamId: row.stream_id, kind: row.kind, dueAt: row.due_at, payload: row.payload };
    try {
      await this.fire(timer);
    } catch (error) {
      this.options.onError?.(error);
      this.options.onFired?.(timer, 'failed');
      await this.pool.query(
        `update es_timers set attempts = attempts + 1, last_error = $2, claimed_until = null,
            next_attempt_at = $3::timestamptz + least(interval '1 second' * power(2, attempts), interval '10 minutes')
          where timer_id = $1`,
        [timer.timerId, error instanceof Error ? error.message.slice(0, 500) : String(error), now],
      );
      return 'failed';
    }
    await this.pool.query('update es_timers set fired_at = now(), claimed_until = null, last_error = null where timer_id = $1', [timer.timerId]);
    this.options.onFired?.(timer, 'fired');
    return 'fired';
  }
}
