import { workingCalendar } from '../sla/working-calendar.js';
import { secondCallDueAt } from './staff-complaint.deadline.js';

describe('The second-call deadline (R51)', () => {
  const calendar = workingCalendar();

  it('should be 17:00 local on the next day when that is a working day', () => {
    // Tuesday 2026-03-03 10:00 in Shanghai → Wednesday 17:00 Shanghai = 09:00Z
    expect(secondCallDueAt('2026-03-03T02:00:00Z', calendar)).toBe('2026-03-04T09:00:00.000Z');
  });

  it('should count the local date, not the UTC one', () => {
    // 2026-03-03 23:30Z is already Wednesday 07:30 in Shanghai → due Thursday 17:00
    expect(secondCallDueAt('2026-03-03T23:30:00Z', calendar)).toBe('2026-03-05T09:00:00.000Z');
  });

  it('should skip a weekend: notified on Friday, due Monday at 17:00', () => {
    expect(secondCallDueAt('2026-03-06T03:00:00Z', calendar)).toBe('2026-03-09T09:00:00.000Z');
  });

  it('should skip a holiday after the weekend', () => {
    const withHoliday = workingCalendar({ holidays: ['2026-03-09'] });
    expect(secondCallDueAt('2026-03-06T03:00:00Z', withHoliday)).toBe('2026-03-10T09:00:00.000Z');
  });

  it('should honour a make-up working day on a weekend', () => {
    const withMakeUp = workingCalendar({ makeUpWorkingDays: ['2026-03-07'] });
    expect(secondCallDueAt('2026-03-06T03:00:00Z', withMakeUp)).toBe('2026-03-07T09:00:00.000Z');
  });

  it('should take a configured local time', () => {
    expect(secondCallDueAt('2026-03-03T02:00:00Z', calendar, '12:30')).toBe('2026-03-04T04:30:00.000Z');
    expect(() => secondCallDueAt('2026-03-03T02:00:00Z', calendar, '25:00')).toThrow(RangeError);
  });
});
