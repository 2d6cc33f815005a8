/**
 * What the writer believes about the stream:
 * - `no_stream`: it must not exist yet;
 * - `any`: no check;
 * - `stream_exists`: it must exist, any version;
 * - a number: it must be at exactly that version.
 */
export type ExpectedVersion = 'no_stream' | 'any' | 'stream_exists' | number;

export function describeExpected(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : expected;
}
