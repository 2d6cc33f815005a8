import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';

/**
 * Restricts a read-model query to the stores a caller may see: `null` means all of them, an
 * empty list means none (the query then matches nothing, rather than failing).
 */
export function scopeToStores<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, stores: string[] | null): void {
  if (stores === null) return;
  if (stores.length) qb.andWhere(`${column} in (:...scopeStores)`, { scopeStores: stores });
  else qb.andWhere('false');
}

export interface KeysetOptions<T> {
  /** Columns of the sort key: an instant and a unique id, e.g. `m.submitted_at`, `m.member_id`. */
  atColumn: string;
  idColumn: string;
  direction: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
  /** The sort key of a row, as the next cursor. */
  keyOf: (row: T) => { at: Date; id: string };
}

/** Runs a query one keyset page at a time: `{ items, nextCursor }`, stable under inserts. */
export async function keysetPage<T extends ObjectLiteral, I>(qb: SelectQueryBuilder<T>, options: KeysetOptions<T>, toItem: (row: T) => I): Promise<Page<I>> {
  const limit = options.limit ?? 50;
  const after = decodeCursor(options.cursor);
  if (after) {
    const op = options.direction === 'asc' ? '>' : '<';
    qb.andWhere(`(${options.atColumn}, ${options.idColumn}) ${op} (:keysetAt, :keysetId)`, { keysetAt: after.at, keysetId: after.id });
  }
  const order = options.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = await qb.orderBy(options.atColumn, order).addOrderBy(options.idColumn, order).limit(limit + 1).getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const key = last ? options.keyOf(last) : null;
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && key ? encodeCursor({ at: key.at.toISOString(), id: key.id }) : null,
  };
}
