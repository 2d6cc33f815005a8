import { isCalendarDate, isInstant } from './validators.js';

describe('shared validators', () => {
  it.each(['2026-06-01T09:30:00+08:00', '2026-06-01T01:30:00Z', '2026-06-01T01:30:00.123Z', '2026-06-01T01:30Z'])('accepts the instant %s', (v) => {
    expect(isInstant(v)).toBe(true);
  });

  it.each(['2026-005', '2026-W01-1', '2026-01-05', '2026-01-05T10:00', '2026-02-30T10:00:00Z', '2026-01-05T24:00:00Z', '+010000-01-01T00:00:00Z', 5, null])(
    'refuses %p as an instant',
    (v) => {
      expect(isInstant(v)).toBe(false);
    },
  );

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
  });
});
