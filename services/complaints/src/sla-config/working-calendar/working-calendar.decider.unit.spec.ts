import { DomainError, fold } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { ConfigActor } from '../sla-config.values.js';
import type { DefineWorkingCalendar } from './working-calendar.commands.js';
import { workingCalendarDecider, workingCalendarStreamId } from './working-calendar.decider.js';
import type { WorkingCalendarDefined } from './working-calendar.events.js';

const spec = DeciderSpecification(workingCalendarDecider);
const T0 = '2026-06-01T01:00:00.000Z';
const T1 = '2026-06-02T01:00:00.000Z';
const manager: ConfigActor = { id: 'mgr-1', role: 'hq_cs_manager' };

function define(overrides: Partial<DefineWorkingCalendar> = {}): DefineWorkingCalendar {
  return {
    type: 'DefineWorkingCalendar',
    timezone: 'Asia/Shanghai',
    weekendDays: [0, 6],
    holidays: ['2026-10-01', '2026-10-02'],
    makeUpWorkingDays: ['2026-09-27'],
    now: T1,
    actor: manager,
    ...overrides,
  };
}

const defined = (data: Partial<WorkingCalendarDefined['data']> = {}): WorkingCalendarDefined => ({
  type: 'WorkingCalendarDefined',
  data: {
    timezone: 'Asia/Shanghai',
    weekendDays: [0, 6],
    holidays: ['2026-10-01', '2026-10-02'],
    makeUpWorkingDays: ['2026-09-27'],
    at: T1,
    by: manager.id,
    ...data,
  },
});

describe('WorkingCalendar', () => {
  it('should keep the default calendar in working-calendar-default', () => {
    expect(workingCalendarStreamId()).toBe('working-calendar-default');
  });

  describe('when a manager defines the calendar', () => {
    it('should record the whole calendar with the instant and the actor', () => {
      spec.given([]).when(define()).then([defined()]);
    });

    it('should sort and de-duplicate days and dates', () => {
      spec
        .given([])
        .when(define({ weekendDays: [6, 0, 6], holidays: ['2026-10-02', '2026-10-01', '2026-10-02'] }))
        .then([defined()]);
    });

    it('should accept a fixed offset and UTC as timezones', () => {
      spec.given([]).when(define({ timezone: '+08:00' })).then([defined({ timezone: '+08:00' })]);
      spec.given([]).when(define({ timezone: 'UTC', holidays: [], makeUpWorkingDays: [] })).then([
        defined({ timezone: 'UTC', holidays: [], makeUpWorkingDays: [] }),
      ]);
    });
  });

  describe('when the calendar is redefined', () => {
    it('should record the change', () => {
      spec
        .given([defined({ at: T0 })])
        .when(define({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05'] }))
        .then([defined({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05'] })]);
    });

    it('should do nothing when the calendar is the same, in any order', () => {
      spec.given([defined({ at: T0 })]).when(define({ weekendDays: [6, 0], holidays: ['2026-10-02', '2026-10-01'] })).thenNothingHappens();
    });
  });

  describe('when the calendar is not acceptable', () => {
    it('should refuse a date that is both a holiday and a make-up day', () => {
      spec.given([]).when(define({ makeUpWorkingDays: ['2026-09-27', '2026-10-01'] })).thenThrows(DomainError, 'HOLIDAY_IS_MAKE_UP_DAY');
    });

    it.each(['Mars/Olympus', 'GMT+8', ''])('should refuse the timezone %p', (timezone) => {
      spec.given([]).when(define({ timezone })).thenThrows(DomainError, 'INVALID_TIMEZONE');
    });

    it.each([['2026-02-30'], ['2026-1-05'], ['05.01.2026'], ['2026-01-05T00:00:00Z']])('should refuse the date %p', (date) => {
      spec.given([]).when(define({ holidays: [date] })).thenThrows(DomainError, 'INVALID_CALENDAR_DATE');
      spec.given([]).when(define({ makeUpWorkingDays: [date] })).thenThrows(DomainError, 'INVALID_CALENDAR_DATE');
    });

    it.each([[[7]], [[-1]], [[1.5]], [[0, 1, 2, 3, 4, 5, 6]]])('should refuse weekend days %j', (weekendDays) => {
      spec.given([]).when(define({ weekendDays })).thenThrows(DomainError, 'INVALID_WEEKEND_DAYS');
    });

    it('should refuse a caller who is not a manager or an admin', () => {
      spec.given([]).when(define({ actor: { id: 'a-1', role: 'hq_cs_agent' } })).thenThrows(DomainError, 'SLA_CONFIG_FORBIDDEN');
    });
  });

  describe('when folding', () => {
    it('should keep the latest calendar with who defined it and when', () => {
      const state = fold(workingCalendarDecider, [defined({ at: T0 }), defined({ holidays: [] })]);
      expect(state).toEqual({
        status: 'defined',
        calendar: { timezone: 'Asia/Shanghai', weekendDays: [0, 6], holidays: [], makeUpWorkingDays: ['2026-09-27'] },
        definedAt: T1,
        definedBy: manager.id,
      });
    });

    it('should start without a calendar', () => {
      expect(workingCalendarDecider.initialState()).toBeNull();
    });
  });
});
