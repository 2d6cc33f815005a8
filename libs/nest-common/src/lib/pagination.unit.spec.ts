import { decodeCursor, encodeCursor } from './pagination.js';

describe('keyset cursors', () => {
  it('round-trips the position of the last row', () => {
    const cursor = encodeCursor({ at: '2026-06-01T01:00:00.000Z', id: 'c-1' });
    expect(decodeCursor(cursor)).toEqual({ at: '2026-06-01T01:00:00.000Z', id: 'c-1' });
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    'not-base64-json',
    Buffer.from('{"at":"x","id":"y"}').toString('base64url'),
    Buffer.from('{"at":"2026-06-01T01:00:00Z"}').toString('base64url'),
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{"at":"+010000-01-01T00:00:00Z","id":"x"}').toString('base64url'),
    Buffer.from('{"at":"2026-06-01T01:00:00.000Z","id":"x\\u0000"}').toString('base64url'),
  ])('refuses a cursor it did not issue as a validation error naming cursor: %s', (cursor) => {
    let error: any;
    try {
      decodeCursor(cursor);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'validation', code: 'INVALID_CURSOR', errors: [{ field: 'cursor' }] });
  });
});
