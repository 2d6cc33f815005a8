import { rejectedFields } from '@cs/testing';
import type { ClassConstructor } from 'class-transformer';
import { DefineSlaPolicyCommand, DefineSlaPolicyRequest, DefineWorkingCalendarRequest } from './index.js';
import { isCalendarDate } from '../../validators.js';


describe('SLA configuration requests', () => {
  const policy = { firstResponse: { hours: 12 }, resolution: { hours: 48 }, warningRatio: 0.8 };
  const calendar = { timezone: 'Asia/Shanghai', weekendDays: [0, 6], holidays: ['2026-10-01'], makeUpWorkingDays: ['2026-09-27'] };

  describe('when validating DefineSlaPolicyRequest', () => {
    it.each<[string, object]>([
      ['hours', policy],
      ['working days', { ...policy, resolution: { workingDays: 7 } }],
      ['fractional hours and no ratio', { firstResponse: { hours: 0.5 }, resolution: { hours: 1440 } }],
    ])('should accept %s', async (_label, payload) => {
      expect(await rejectedFields(DefineSlaPolicyRequest, payload)).toEqual([]);
    });

    it.each<[string, object]>([
      ['firstResponse.hours', { ...policy, firstResponse: { hours: 0 } }],
      ['firstResponse.hours', { ...policy, firstResponse: { hours: 1441 } }],
      ['firstResponse.hours', { ...policy, firstResponse: { hours: '12' } }],
      ['firstResponse', { ...policy, firstResponse: 12 }],
      ['resolution.workingDays', { ...policy, resolution: { workingDays: 0 } }],
      ['resolution.workingDays', { ...policy, resolution: { workingDays: 61 } }],
      ['resolution.workingDays', { ...policy, resolution: { workingDays: 1.5 } }],
      ['resolution.workingDays', { ...policy, resolution: { hours: 4, workingDays: 2 } }],
      ['resolution.minutes', { ...policy, resolution: { hours: 4, minutes: 2 } }],
      ['warningRatio', { ...policy, warningRatio: 0 }],
      ['warningRatio', { ...policy, warningRatio: 1 }],
      ['version', { ...policy, version: 3 }],
    ])('should reject a bad %s', async (field, payload) => {
      expect(await rejectedFields(DefineSlaPolicyRequest, payload)).toEqual([field]);
    });

    it('should require one of hours and working days for the resolution', async () => {
      expect(await rejectedFields(DefineSlaPolicyRequest, { ...policy, resolution: {} })).toEqual(['resolution.hours', 'resolution.workingDays']);
    });

    it('should add a policy id of lower-case letters, digits, _ and - on the RPC command', async () => {
      expect(await rejectedFields(DefineSlaPolicyCommand, { ...policy, policyId: 'vip_2-x' })).toEqual([]);
      for (const policyId of ['Vip', '2vip', '', 'a'.repeat(33), 'a b']) {
        expect(await rejectedFields(DefineSlaPolicyCommand, { ...policy, policyId })).toEqual(['policyId']);
      }
    });
  });

  describe('when validating DefineWorkingCalendarRequest', () => {
    it('should accept a calendar with an IANA zone or a fixed offset', async () => {
      expect(await rejectedFields(DefineWorkingCalendarRequest, calendar)).toEqual([]);
      expect(await rejectedFields(DefineWorkingCalendarRequest, { ...calendar, timezone: '+08:00', weekendDays: [] })).toEqual([]);
    });

    it.each<[string, object]>([
      ['timezone', { ...calendar, timezone: 'Mars/Olympus' }],
      ['weekendDays', { ...calendar, weekendDays: [7] }],
      ['weekendDays', { ...calendar, weekendDays: [6, 6] }],
      ['weekendDays', { ...calendar, weekendDays: 'sat,sun' }],
      ['holidays', { ...calendar, holidays: ['2026-02-30'] }],
      ['holidays', { ...calendar, holidays: ['2026-10-01T00:00:00Z'] }],
      ['makeUpWorkingDays', { ...calendar, makeUpWorkingDays: [20260927] }],
    ])('should reject a bad %s', async (field, payload) => {
      expect(await rejectedFields(DefineWorkingCalendarRequest, payload)).toEqual([field]);
    });

    it('should require every part of the calendar', async () => {
      expect(await rejectedFields(DefineWorkingCalendarRequest, {})).toEqual(['timezone', 'weekendDays', 'holidays', 'makeUpWorkingDays']);
    });

    it('should tell existing dates from impossible ones', () => {
      expect(isCalendarDate('2028-02-29')).toBe(true);
      expect(isCalendarDate('2026-02-29')).toBe(false);
      expect(isCalendarDate('2026-13-01')).toBe(false);
    });
  });
});
