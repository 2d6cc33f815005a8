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

const ISSUED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

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
  // exactly what encodeCursor writes: a UTC instant with milliseconds, and a sane id
  if (
    key &&
    typeof key.at === 'string' &&
    ISSUED_INSTANT.test(key.at) &&
    !Number.isNaN(Date.parse(key.at)) &&
    typeof key.id === 'string' &&
    /^[\w:.-]{1,200}$/.test(key.id)
  ) {
    return { at: key.at, id: key.id };
  }
  throw new RpcError('validation', 'INVALID_CURSOR', 'The cursor is not one this API returned', [
    { field: 'cursor', message: 'cursor must be a value returned as nextCursor' },
  ]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
