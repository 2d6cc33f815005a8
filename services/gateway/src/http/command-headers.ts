import { ProblemException } from './problem.js';

const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(',') : value);

/**
 * `If-Match: W/"<n>"`, `"<n>"` or `<n>` → expected version n. Absent or `*` → no constraint.
 * Anything else (several tags, non-integers) is a 400.
 */
export function parseIfMatch(raw: string | string[] | undefined): number | undefined {
  const value = headerValue(raw)?.trim();
  if (value === undefined || value === '' || value === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$|^(\d{1,15})$/.exec(value);
  if (!match) {
    throw ProblemException.badRequest('INVALID_IF_MATCH', 'If-Match must be a single version tag such as W/"3"', [
      { field: 'If-Match', message: 'must be W/"<version>", "<version>" or <version>' },
    ]);
  }
  return Number(match[1] ?? match[2]);
}

/** `Idempotency-Key`: optional, 1..200 printable characters. */
export function parseIdempotencyKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = headerValue(raw) ?? '';
  if (value.length < 1 || value.length > 200 || !/^[\x21-\x7e]+$/.test(value)) {
    throw ProblemException.badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters', [
      { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  }
  return value;
}

/** `?asOf=<ISO instant with offset>` → normalised ISO string. */
export function parseAsOf(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' ? raw : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  const time = Date.parse(value);
  // Date.parse rolls 2025-02-30 over to March: the calendar date must exist as written
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  const realDay = day !== undefined && day.getUTCDate() === Number(m![3]) && day.getUTCMonth() === Number(m![2]) - 1;
  if (!m || !realDay || Number(m[4]) > 23 || Number.isNaN(time)) {
    throw ProblemException.badRequest('INVALID_AS_OF', 'asOf must be an ISO-8601 instant with offset', [
      { field: 'asOf', message: 'must be an ISO-8601 instant such as 2025-01-31T12:00:00Z' },
    ]);
  }
  return new Date(time).toISOString();
}

/** Path segment `n` of `/solutions/:n/...`: a positive integer. */
export function parsePositiveInt(raw: string, field: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) {
    throw ProblemException.badRequest('INVALID_PATH_PARAMETER', `${field} must be a positive integer`, [
      { field, message: 'must be a positive integer' },
    ]);
  }
  return Number(raw);
}
