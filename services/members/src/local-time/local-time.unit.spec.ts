import { addCalendarDays, birthdayIn, localDayOf, localMonthOf, nextMonth, previousMonth, startOfLocalDay, startOfLocalMonth } from './local-time.js';

describe('local time', () => {
  it('should start a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-03-01', 'Asia/Shanghai')).toBe('2026-02-28T16:00:00.000Z');
    expect(startOfLocalMonth('2026-01', 'Asia/Shanghai')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('should find local midnight across a daylight-saving change', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Paris')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Paris')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('should give the local day and month of an instant', () => {
    expect(localDayOf('2026-02-28T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localMonthOf('2026-02-28T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-02');
  });

  it('should step months and days', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(addCalendarDays('2026-03-01', -7)).toBe('2026-02-22');
  });

  it('should put a 29 February birthday on 28 February in a common year', () => {
    expect(birthdayIn(2027, '2000-02-29')).toBe('2027-02-28');
    expect(birthdayIn(2028, '2000-02-29')).toBe('2028-02-29');
    expect(birthdayIn(2026, '1990-05-17')).toBe('2026-05-17');
  });
});
