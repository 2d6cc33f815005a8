import { RpcError } from '@cs/messaging';
import type { Page } from '@cs/nest-common';

/** Opaque cursor over a list's sort key (strings), base64url of JSON. */
export function encodeKeys(keys: string[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeKeys(cursor: string | undefined, arity: number): string[] | null {
  if (!cursor) return null;
  let value: unknown = null;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (Array.isArray(value) && value.length === arity && value.every((v) => typeof v === 'string' && v.length <= 200)) return value as string[];
  throw new RpcError('validation', 'INVALID_CURSOR', 'The cursor is not one this API returned', [{ field: 'cursor', message: 'cursor must be a value returned as nextCursor' }]);
}

export interface ListSql {
  /** `select … from … where <filters>` with `$n` placeholders for `params`. */
  select: string;
  params: unknown[];
  /** Sort columns, each text-comparable (instants as ISO text via to_char or a text id). */
  keys: string[];
  direction: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

/** Runs one keyset page of a raw-SQL list: `{ items, nextCursor }`, stable under inserts. */
export async function pageOf<R extends Record<string, unknown>, I>(
  query: (sql: string, params: unknown[]) => Promise<R[]>,
  list: ListSql,
  keyOf: (row: R) => string[],
  toItem: (row: R) => I,
): Promise<Page<I>> {
  const after = decodeKeys(list.cursor, list.keys.length);
  const params = [...list.params];
  let sql = list.select;
  if (after) {
    const placeholders = after.map((k) => {
      params.push(k);
      return `$${params.length}`;
    });
    sql += ` and (${list.keys.join(', ')}) ${list.direction === 'asc' ? '>' : '<'} (${placeholders.join(', ')})`;
  }
  sql += ` order by ${list.keys.map((k) => `${k} ${list.direction}`).join(', ')} limit ${list.limit + 1}`;
  const rows = await query(sql, params);
  const items = rows.slice(0, list.limit);
  const last = items[items.length - 1];
  return { items: items.map(toItem), nextCursor: rows.length > list.limit && last ? encodeKeys(keyOf(last)) : null };
}

/** Adds `column = any($n)` for a scope (null = everything; [] = nothing). */
export function scopeClause(column: string, scope: string[] | null, params: unknown[]): string {
  if (scope === null) return '';
  params.push(scope);
  return ` and ${column} = any($${params.length}::text[])`;
}
