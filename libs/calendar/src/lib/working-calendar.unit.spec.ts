import { addCalendarDays, addWorkingDays, isWorkingDay, localDate, startOfLocalDay, timezoneOffsetMinutes, workingCalendar } from './working-calendar.js';

describe('WorkingCalendar', () => {
  const shanghai = workingCalendar();

  describe('when resolving offsets', () => {
    it('should give Asia/Shanghai +480 minutes in winter and summer', () => {
      expect(timezoneOffsetMinutes('Asia/Shanghai', Date.parse('2026-01-05T00:00:00Z'))).toBe(480);
      expect(timezoneOffsetMinutes('Asia/Shanghai', Date.parse('2026-07-05T00:00:00Z'))).toBe(480);
    });

    it('should accept fixed offsets and UTC', () => {
      expect(timezoneOffsetMinutes('-05:30', 0)).toBe(-330);
      expect(timezoneOffsetMinutes('+0800', 0)).toBe(480);
      expect(timezoneOffsetMinutes('UTC', 0)).toBe(0);
    });

    it('should refuse an unknown zone', () => {
      expect(() => timezoneOffsetMinutes('Mars/Olympus', 0)).toThrow(RangeError);
    });

    it('should read the local date in the calendar timezone', () => {
      expect(localDate('2026-01-08T20:00:00Z', shanghai)).toBe('2026-01-09');
    });
  });

  describe('when deciding working days', () => {
    const cal = workingCalendar({ holidays: ['2026-01-13'], makeUpWorkingDays: ['2026-01-10'] });

    it('should treat weekends as rest days and weekdays as working', () => {
      expect(isWorkingDay('2026-01-11', cal)).toBe(false);
      expect(isWorkingDay('2026-01-12', cal)).toBe(true);
    });

    it('should treat a holiday weekday as rest and a make-up Saturday as working', () => {
      expect(isWorkingDay('2026-01-13', cal)).toBe(false);
      expect(isWorkingDay('2026-01-10', cal)).toBe(true);
    });
  });

  describe('when adding working days', () => {
    it('should skip the weekend and keep the local time of day', () => {
      // Thursday 2026-01-08 10:00 Shanghai → the 7th working day is Monday 2026-01-19.
      expect(addWorkingDays('2026-01-08T02:00:00Z', 7, shanghai)).toBe('2026-01-19T02:00:00.000Z');
    });

    it('should count from the local receipt date, not the UTC date', () => {
      // 2026-01-08T20:00Z is Friday 04:00 in Shanghai; one working day later is Monday 04:00.
      expect(addWorkingDays('2026-01-08T20:00:00Z', 1, shanghai)).toBe('2026-01-11T20:00:00.000Z');
    });

    it('should count a receipt on Saturday from that Saturday', () => {
      expect(addWorkingDays('2026-01-10T02:00:00Z', 1, shanghai)).toBe('2026-01-12T02:00:00.000Z');
    });

    it('should return the instant itself for zero days', () => {
      expect(addWorkingDays('2026-01-08T02:00:00+00:00', 0, shanghai)).toBe('2026-01-08T02:00:00.000Z');
    });

    it('should refuse negative or fractional days', () => {
      expect(() => addWorkingDays('2026-01-08T02:00:00Z', -1, shanghai)).toThrow(RangeError);
      expect(() => addWorkingDays('2026-01-08T02:00:00Z', 1.5, shanghai)).toThrow(RangeError);
    });

    it('should refuse a calendar without working days', () => {
      const never = workingCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] });
      expect(() => addWorkingDays('2026-01-08T02:00:00Z', 1, never)).toThrow(RangeError);
    });

    it('should handle a fixed negative offset', () => {
      // Friday 2026-01-09 22:00 at -05:00 is 2026-01-10T03:00Z; the next working day is Monday 22:00 local.
      const cal = workingCalendar({ timezone: '-05:00' });
      expect(addWorkingDays('2026-01-10T03:00:00Z', 1, cal)).toBe('2026-01-13T03:00:00.000Z');
    });

    it('should keep the local time of day across a DST change', () => {
      // New York: Friday 2026-03-06 10:00 EST (15:00Z) → Monday 2026-03-09 10:00 EDT (14:00Z).
      const cal = workingCalendar({ timezone: 'America/New_York' });
      expect(addWorkingDays('2026-03-06T15:00:00Z', 1, cal)).toBe('2026-03-09T14:00:00.000Z');
    });
  });
});

describe('local days', () => {
  it('should give the instant a local date begins in a zone', () => {
    expect(startOfLocalDay('2026-06-09', 'Asia/Shanghai')).toBe('2026-06-08T16:00:00.000Z');
    expect(startOfLocalDay('2026-06-09', 'UTC')).toBe('2026-06-09T00:00:00.000Z');
    expect(() => startOfLocalDay('June 9', 'UTC')).toThrow(RangeError);
  });

  it('should add calendar days across a month end', () => {
    expect(addCalendarDays('2026-01-28', 7)).toBe('2026-02-04');
  });
});
