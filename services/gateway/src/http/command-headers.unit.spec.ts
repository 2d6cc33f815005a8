import { parseAsOf, parseIdempotencyKey, parseIfMatch, parsePositiveInt } from './command-headers.js';
import { ProblemException } from './problem.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ProblemException ? `${error.status} ${error.code}` : 'other';
  }
  return undefined;
};

describe('If-Match', () => {
  describe('when the header is a version tag', () => {
    it.each([
      ['W/"3"', 3],
      ['"3"', 3],
      ['3', 3],
      [' W/"12" ', 12],
      ['W/"0"', 0],
    ])('should read %s as %d', (header, version) => {
      expect(parseIfMatch(header)).toBe(version);
    });
  });

  describe('when the header is absent or a wildcard', () => {
    it('should impose no version', () => {
      expect(parseIfMatch(undefined)).toBeUndefined();
      expect(parseIfMatch('')).toBeUndefined();
      expect(parseIfMatch('*')).toBeUndefined();
    });
  });

  describe('when the header is malformed', () => {
    it.each(['W/"abc"', 'W/3', '"3', '-1', '1.5', 'W/"1", W/"2"', '"1234567890123456"', 'w/"3"x'])('should refuse %s with 400', (header) => {
      expect(codeOf(() => parseIfMatch(header))).toBe('400 INVALID_IF_MATCH');
    });
  });
});

describe('Idempotency-Key', () => {
  it('should pass a key of 1 to 200 visible characters', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('k'.repeat(200))).toBe('k'.repeat(200));
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each(['', 'k'.repeat(201), 'has space', 'naïve'])('should refuse %p with 400', (key) => {
    expect(codeOf(() => parseIdempotencyKey(key))).toBe('400 INVALID_IDEMPOTENCY_KEY');
  });
});

describe('asOf', () => {
  it('should normalise an instant with offset to UTC', () => {
    expect(parseAsOf('2025-01-31T12:00:00+08:00')).toBe('2025-01-31T04:00:00.000Z');
    expect(parseAsOf('2025-01-31T04:00:00.123Z')).toBe('2025-01-31T04:00:00.123Z');
    expect(parseAsOf(undefined)).toBeUndefined();
  });

  it.each(['yesterday', '2025-01-31', '2025-01-31T12:00:00', '2025-02-30T00:00:00Z', ''])('should refuse %p with 400', (value) => {
    expect(codeOf(() => parseAsOf(value))).toBe('400 INVALID_AS_OF');
  });

  it('should refuse a repeated parameter', () => {
    expect(codeOf(() => parseAsOf(['2025-01-31T04:00:00Z', '2025-01-31T04:00:00Z']))).toBe('400 INVALID_AS_OF');
  });
});

describe('positive integer path parameter', () => {
  it('should read 1 and 12', () => {
    expect(parsePositiveInt('1', 'n')).toBe(1);
    expect(parsePositiveInt('12', 'n')).toBe(12);
  });

  it.each(['0', '-1', '01', '1.5', 'abc', '', '9999999999'])('should refuse %p with 400', (value) => {
    expect(codeOf(() => parsePositiveInt(value, 'n'))).toBe('400 INVALID_PATH_PARAMETER');
  });
});
