import type { DataSource, EntityManager } from 'typeorm';
import type { SqlTx, Transact } from '@cs/eventstore';

/** A processor transaction backed by TypeORM: raw SQL for checkpoints, `em` for read-model entities. */
export interface OrmTx extends SqlTx {
  em: EntityManager;
}

/**
 * Note: TypeORM returns `[rows, count]` for UPDATE/DELETE; SQL that needs rows from those uses a
 * CTE (`with u as (update … returning …) select …`).
 */
export function typeormTransact(ds: DataSource): Transact<OrmTx> {
  return (fn) => ds.transaction((em) => fn({ em, query: <R>(sql: string, params?: unknown[]) => em.query(sql, params) as Promise<R[]> }));
}
