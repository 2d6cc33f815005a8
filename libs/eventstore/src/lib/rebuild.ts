import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { AdvisoryLease } from './advisory-lock.js';
import { resetCheckpoint, setCheckpoint, storeCheckpoint } from './checkpoints.js';
import type { RecordedEvent } from './event.js';
import type { PostgresEventStore } from './event-store.js';
import { LOG_START, type LogPosition } from './position.js';
import type { Projection } from './processor.js';
import type { SqlTx, Transact } from './sql-tx.js';

export interface RebuildOptions {
  batchSize?: number;
  /** How long the swap waits for readers of the live tables before it catches up again and retries. */
  swapLockTimeoutMs?: number;
}

/**
 * Rebuilds a projection from the start of the log with no downtime: readers of the read model
 * see the old rows until the rebuilt ones replace them at once. Takes the projection's lease, so
 * the live runner must not hold it (a running service rebuilds on request instead:
 * es_rebuild_requests). A projection that declares its `tables` is rebuilt into shadow copies of
 * them in short transactions (below); one without is rebuilt in ONE transaction, which holds
 * back every ordered reader of the Postgres instance until it commits.
 */
export async function rebuildProjection<Tx extends SqlTx>(
  store: PostgresEventStore,
  transact: Transact<Tx>,
  projection: Projection<Tx>,
  options: RebuildOptions | number = {},
): Promise<number> {
  const lease = new AdvisoryLease(store.pool as Pool, `processor:${projection.id}`);
  if (!(await lease.tryAcquire())) throw new Error(`Projection ${projection.id} is running elsewhere; stop it first`);
  try {
    return await rebuildWithin(store, transact, projection, typeof options === 'number' ? { batchSize: options } : options);
  } finally {
    await lease.release();
  }
}

/** The rebuild itself, for a caller that already holds the projection's lease. */
export async function rebuildWithin<Tx extends SqlTx>(
  store: PostgresEventStore,
  transact: Transact<Tx>,
  projection: Projection<Tx>,
  options: RebuildOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  if (projection.tables?.length) return new ShadowRebuild(store, transact, projection, batchSize, options.swapLockTimeoutMs ?? 5000).run();
  return rebuildInOneTransaction(store, transact, projection, batchSize);
}

/**
 * Readers keep seeing the old rows (MVCC) until the rebuilt ones commit. Row deletion (not
 * TRUNCATE) keeps readers unblocked.
 */
async function rebuildInOneTransaction<Tx extends SqlTx>(
  store: PostgresEventStore,
  transact: Transact<Tx>,
  projection: Projection<Tx>,
  batchSize: number,
): Promise<number> {
  return transact(async (tx) => {
    await projection.reset(tx);
    await resetCheckpoint(tx, projection.id);
    const { position, total } = await replay(store, LOG_START, batchSize, (events) => apply(projection, events, tx), () => true);
    if (total > 0) await storeCheckpoint(tx, projection.id, LOG_START, position);
    return total;
  });
}

/**
 * Reads the log after `from` in batches and hands each to `applyBatch`, until the log has nothing
 * more visible or `more(batchLength)` says stop. The next batch is read (on another connection)
 * while this one is applied: the log is read at the speed of the slower of the two, not their sum.
 */
async function replay(
  store: PostgresEventStore,
  from: LogPosition,
  batchSize: number,
  applyBatch: (events: readonly RecordedEvent[]) => Promise<void>,
  more: (batchLength: number) => boolean,
): Promise<{ position: LogPosition; total: number }> {
  let position = from;
  let total = 0;
  let next: Promise<RecordedEvent[]> | null = store.readAll(position, batchSize);
  while (next) {
    const events: RecordedEvent[] = await next;
    if (events.length === 0) break;
    const last = events[events.length - 1];
    position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
    next = more(events.length) ? store.readAll(position, batchSize) : null;
    next?.catch(() => undefined); // awaited on the next turn; a failed batch must not leave it unhandled
    await applyBatch(events);
    total += events.length;
  }
  return { position, total };
}

async function apply<Tx extends SqlTx>(projection: Projection<Tx>, events: readonly RecordedEvent[], tx: Tx): Promise<void> {
  const relevant = projection.handles ? events.filter((e) => projection.handles!.includes(e.type)) : events;
  if (relevant.length) await projection.handle(relevant, tx);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The schema a projection is rebuilt in: one per projection, so a leftover of a crash is found again. */
export function shadowSchemaOf(projectionId: string): string {
  return `rebuild_${createHash('sha256').update(projectionId).digest('hex').slice(0, 16)}`;
}

interface LiveTable {
  name: string;
  /** The schema it lives in, as resolved by the connection's search_path. */
  schema: string;
  /** Sequences owned by its columns (serial): they outlive the old table and follow the new one. */
  ownedSequences: { sequence: string; column: string }[];
}

/**
 * A rebuild that holds no transaction longer than one batch (a long one would hold back every
 * ordered reader of the instance: transaction ids are cluster-wide). Each owned table is copied
 * empty (`LIKE … INCLUDING ALL`, indexes renamed to the live ones' names) into a schema of its
 * own; the log is replayed into the copies in one short transaction per batch, with the shadow
 * schema first on the search_path so the projection's unqualified SQL (and TypeORM's entities)
 * write there. The swap is one transaction: lock the live tables, apply the events appended
 * since, replace the live tables by the copies, set the live checkpoint.
 */
class ShadowRebuild<Tx extends SqlTx> {
  private readonly shadow: string;
  private readonly pool: Pool;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly transact: Transact<Tx>,
    private readonly projection: Projection<Tx>,
    private readonly batchSize: number,
    private readonly swapLockTimeoutMs: number,
  ) {
    this.shadow = shadowSchemaOf(projection.id);
    this.pool = store.pool;
  }

  async run(): Promise<number> {
    const tables = await this.liveTables();
    await this.createShadow(tables);
    try {
      let position = LOG_START;
      let total = 0;
      for (let attempt = 1; ; attempt++) {
        // catch up until a batch comes back short: the swap's tail is then about one batch long
        const caughtUp = await replay(this.store, position, this.batchSize, (events) => this.applyInShadow(events), (n) => n >= this.batchSize);
        position = caughtUp.position;
        total += caughtUp.total;
        if (attempt === 1) for (const t of tables) await this.pool.query(`analyze ${this.shadow}.${t.name}`);
        try {
          return total + (await this.swap(tables, position));
        } catch (error) {
          if ((error as { code?: string }).code !== '55P03' || attempt >= 5) throw error; // 55P03: lock_timeout
        }
      }
    } catch (error) {
      await this.pool.query(`drop schema if exists ${this.shadow} cascade`).catch(() => undefined);
      throw error;
    }
  }

  private async liveTables(): Promise<LiveTable[]> {
    const tables: LiveTable[] = [];
    for (const name of this.projection.tables ?? []) {
      if (!IDENTIFIER.test(name)) throw new Error(`Projection ${this.projection.id}: table name ${JSON.stringify(name)} is not a plain lowercase identifier`);
      const { rows } = await this.pool.query<{ oid: number; schema: string }>(
        `select c.oid, n.nspname as schema from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = to_regclass($1)`,
        [name],
      );
      if (!rows.length) throw new Error(`Projection ${this.projection.id}: table ${name} does not exist`);
      const [{ oid, schema }] = rows;
      // LIKE copies neither foreign keys nor triggers nor row security: refuse rather than lose them
      const { rows: uncopied } = await this.pool.query<{ what: string }>(
        `select 'foreign key ' || conname as what from pg_constraint where contype = 'f' and (conrelid = $1 or confrelid = $1)
         union all select 'trigger ' || tgname from pg_trigger where tgrelid = $1 and not tgisinternal
         union all select 'policy ' || polname from pg_policy where polrelid = $1`,
        [oid],
      );
      if (uncopied.length) throw new Error(`Projection ${this.projection.id}: ${name} has ${uncopied.map((u) => u.what).join(', ')}; rebuild it without \`tables\``);
      const { rows: ownedSequences } = await this.pool.query<{ sequence: string; column: string }>(
        `select s.oid::regclass::text as sequence, a.attname as column
           from pg_depend d
           join pg_class s on s.oid = d.objid and s.relkind = 'S'
           join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
          where d.refobjid = $1 and d.classid = 'pg_class'::regclass and d.deptype = 'a'`,
        [oid],
      );
      tables.push({ name, schema, ownedSequences });
    }
    return tables;
  }

  /** Empty copies in the shadow schema, their indexes (and the constraints on them) named as the live ones. */
  private async createShadow(tables: readonly LiveTable[]): Promise<void> {
    await this.pool.query(`drop schema if exists ${this.shadow} cascade`); // a crashed rebuild's leftovers
    await this.pool.query(`create schema ${this.shadow}`);
    for (const t of tables) {
      await this.pool.query(`create table ${this.shadow}.${t.name} (like ${quoted(t.schema)}.${t.name} including all)`);
      const indexes = (schema: string) =>
        this.pool.query<{ name: string; definition: string }>(
          `select c.relname as name, i.indisprimary::text || i.indisunique::text || substring(pg_get_indexdef(i.indexrelid) from ' USING .*$') as definition
             from pg_index i join pg_class c on c.oid = i.indexrelid
            where i.indrelid = to_regclass($1) order by c.relname`,
          [`${quoted(schema)}.${t.name}`],
        );
      const live = (await indexes(t.schema)).rows;
      const copies = (await indexes(this.shadow)).rows;
      const renames: [string, string][] = [];
      for (const index of live) {
        const at = copies.findIndex((copy) => copy.definition === index.definition);
        if (at < 0) throw new Error(`Projection ${this.projection.id}: no copy of index ${index.name} of ${t.name}`);
        renames.push([copies[at].name, index.name]);
        copies.splice(at, 1);
      }
      // through temporary names: a generated name may be another live index's
      for (const [i, [from]] of renames.entries()) await this.pool.query(`alter index ${this.shadow}.${quoted(from)} rename to rebuild_index_${i}`);
      for (const [i, [, to]] of renames.entries()) await this.pool.query(`alter index ${this.shadow}.rebuild_index_${i} rename to ${quoted(to)}`);
    }
  }

  /** A batch with nothing the projection handles costs no transaction (the position is in memory until the swap). */
  private async applyInShadow(events: readonly RecordedEvent[]): Promise<void> {
    const handles = this.projection.handles;
    if (handles && !events.some((e) => handles.includes(e.type))) return;
    await this.inShadow((tx) => apply(this.projection, events, tx));
  }

  /** A short transaction whose unqualified table names resolve to the shadow copies first. */
  private inShadow<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transact(async (tx) => {
      await tx.query(`select set_config('search_path', $1 || ', ' || current_setting('search_path'), true)`, [this.shadow]);
      return fn(tx);
    });
  }

  /**
   * One transaction: readers of the live tables wait for its end (a few batches' time at most)
   * and then read the rebuilt tables. Events of transactions younger than this one are left to
   * the live runner, from the checkpoint set here. Returns how many events the tail had.
   */
  private swap(tables: readonly LiveTable[], from: LogPosition): Promise<number> {
    return this.inShadow(async (tx) => {
      await tx.query(`select set_config('lock_timeout', $1, true)`, [`${this.swapLockTimeoutMs}ms`]);
      await tx.query(`lock table ${tables.map((t) => `${quoted(t.schema)}.${t.name}`).join(', ')} in access exclusive mode`);
      // holding an id from here on bounds the tail: the reader stops below this transaction
      await tx.query('select pg_current_xact_id()');
      const tail = await replay(this.store, from, this.batchSize, (events) => apply(this.projection, events, tx), () => true);
      for (const t of tables) {
        for (const s of t.ownedSequences) await tx.query(`alter sequence ${s.sequence} owned by none`);
        await tx.query(`drop table ${quoted(t.schema)}.${t.name}`);
        await tx.query(`alter table ${this.shadow}.${t.name} set schema ${quoted(t.schema)}`);
        for (const s of t.ownedSequences) await tx.query(`alter sequence ${s.sequence} owned by ${quoted(t.schema)}.${t.name}.${quoted(s.column)}`);
      }
      await setCheckpoint(tx, this.projection.id, tail.position);
      await tx.query(`drop schema ${this.shadow} cascade`);
      return tail.total;
    });
  }
}
