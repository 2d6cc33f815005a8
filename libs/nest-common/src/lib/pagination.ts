import { DomainError } from '@cs/eventstore';

/** Opaque keyset cursor: base64url of the last row's sort key. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(cursor: string | undefined): T | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') return value as T;
  } catch {
    // fall through
  }
  throw new DomainError('INVALID_CURSOR', 'The cursor is not one this API returned', 'rule');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
