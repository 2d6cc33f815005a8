import { RpcError } from '@cs/messaging';

/** Keyset position of a list sorted by (instant, id): the last row of the previous page. */
export interface TimeCursor {
  at: string;
  id: string;
}

/** Opaque keyset cursor: base64url of the last row's sort key. */
export function encodeCursor(key: TimeCursor): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor this API issued; anything else is a 400 naming `cursor`, never a database error. */
export function decodeCursor(cursor: string | undefined): TimeCursor | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const key = value as Partial<TimeCursor> | null;
  if (key && typeof key.at === 'string' && !Number.isNaN(Date.parse(key.at)) && typeof key.id === 'string' && !key.id.includes('\u0000')) {
    return { at: new Date(key.at).toISOString(), id: key.id };
  }
  throw new RpcError('validation', 'INVALID_CURSOR', 'The cursor is not one this API returned', [
    { field: 'cursor', message: 'cursor must be a value returned as nextCursor' },
  ]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
