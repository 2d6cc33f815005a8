import { computeSlaClocks, DEFAULT_SLA_POLICIES, type SlaPolicy } from './sla-policy.js';
import { workingCalendar } from './working-calendar.js';

describe('SLA policy', () => {
  const calendar = workingCalendar();

  describe('when the chain profile applies', () => {
    it('should give 24 h for the first response and 48 h for resolution', () => {
      expect(computeSlaClocks(DEFAULT_SLA_POLICIES.chain, calendar, '2026-01-05T01:00:00Z')).toEqual({
        policyId: 'chain',
        policyVersion: 0,
        firstResponseDueAt: '2026-01-06T01:00:00.000Z',
        firstResponseWarnAt: '2026-01-05T20:12:00.000Z',
        resolutionDueAt: '2026-01-07T01:00:00.000Z',
        resolutionWarnAt: '2026-01-06T15:24:00.000Z',
      });
    });

    it('should not use working days for hour-based clocks (a Friday receipt is due on Saturday)', () => {
      const clocks = computeSlaClocks(DEFAULT_SLA_POLICIES.chain, calendar, '2026-01-09T02:00:00Z');
      expect(clocks.firstResponseDueAt).toBe('2026-01-10T02:00:00.000Z');
    });
  });

  describe('when the e-commerce profile applies', () => {
    const receivedAt = '2026-01-08T02:00:00Z'; // Thursday 10:00 Shanghai

    it('should give 48 h for the first response', () => {
      const clocks = computeSlaClocks(DEFAULT_SLA_POLICIES.ecommerce, calendar, receivedAt);
      expect(clocks.firstResponseDueAt).toBe('2026-01-10T02:00:00.000Z');
      expect(clocks.firstResponseWarnAt).toBe('2026-01-09T16:24:00.000Z');
    });

    it('should resolve within 7 working days across a weekend', () => {
      const clocks = computeSlaClocks(DEFAULT_SLA_POLICIES.ecommerce, calendar, receivedAt);
      expect(clocks.resolutionDueAt).toBe('2026-01-19T02:00:00.000Z');
    });

    it('should skip a holiday', () => {
      const withHoliday = workingCalendar({ holidays: ['2026-01-13'] });
      const clocks = computeSlaClocks(DEFAULT_SLA_POLICIES.ecommerce, withHoliday, receivedAt);
      expect(clocks.resolutionDueAt).toBe('2026-01-20T02:00:00.000Z');
    });

    it('should count a make-up working Saturday', () => {
      const withMakeUp = workingCalendar({ makeUpWorkingDays: ['2026-01-10'] });
      const clocks = computeSlaClocks(DEFAULT_SLA_POLICIES.ecommerce, withMakeUp, receivedAt);
      expect(clocks.resolutionDueAt).toBe('2026-01-16T02:00:00.000Z');
    });

    it('should warn at 80 % of the calendar time to the due instant (264 h → 211.2 h)', () => {
      const clocks = computeSlaClocks(DEFAULT_SLA_POLICIES.ecommerce, calendar, receivedAt);
      const start = Date.parse(receivedAt);
      const due = Date.parse(clocks.resolutionDueAt);
      expect(Date.parse(clocks.resolutionWarnAt)).toBe(start + 0.8 * (due - start));
      expect(clocks.resolutionWarnAt).toBe('2026-01-16T21:12:00.000Z');
    });
  });

  describe('when the policy is configured differently', () => {
    const custom: SlaPolicy = { id: 'vip', version: 3, firstResponse: { hours: 2 }, resolution: { hours: 10 } };

    it('should default the warning ratio to 0.8 and keep the policy id and version', () => {
      const clocks = computeSlaClocks(custom, calendar, '2026-01-05T00:00:00Z');
      expect(clocks).toMatchObject({ policyId: 'vip', policyVersion: 3 });
      expect(clocks.firstResponseWarnAt).toBe('2026-01-05T01:36:00.000Z');
      expect(clocks.resolutionWarnAt).toBe('2026-01-05T08:00:00.000Z');
    });

    it('should honour a custom warning ratio', () => {
      const clocks = computeSlaClocks({ ...custom, warningRatio: 0.5 }, calendar, '2026-01-05T00:00:00Z');
      expect(clocks.resolutionWarnAt).toBe('2026-01-05T05:00:00.000Z');
    });

    it('should refuse a ratio outside (0, 1], a non-positive duration and a bad instant', () => {
      expect(() => computeSlaClocks({ ...custom, warningRatio: 1.5 }, calendar, '2026-01-05T00:00:00Z')).toThrow(RangeError);
      expect(() => computeSlaClocks({ ...custom, firstResponse: { hours: 0 } }, calendar, '2026-01-05T00:00:00Z')).toThrow(
        RangeError,
      );
      expect(() => computeSlaClocks(custom, calendar, 'yesterday')).toThrow(RangeError);
    });
  });
});
