import { DEFAULT_AFTER_SALES_TERMS, inspectionConditionsFor, type AfterSalesTerms } from './after-sales-terms.policy.js';
import { callbackDueAt, repairDueAt, turnaroundDueAt, turnaroundWorkingDays, visitDueAt } from './repair-due.policy.js';
import { receivedInFuture, returnWindowEndsAt, warrantyRepairApplies, withinWindow } from './return-window.policy.js';

const terms: AfterSalesTerms = { ...DEFAULT_AFTER_SALES_TERMS };

describe('the return window', () => {
  it('should end at the end of the 7th day after the receipt, local time', () => {
    expect(returnWindowEndsAt('2026-06-01', terms)).toBe('2026-06-08T15:59:59.999Z');
  });

  it('should follow the configured days and zone', () => {
    expect(returnWindowEndsAt('2026-06-01', { returnWindowDays: 15, timezone: 'UTC' })).toBe('2026-06-16T23:59:59.999Z');
    expect(returnWindowEndsAt('2026-02-25', { returnWindowDays: 7, timezone: '+08:00' })).toBe('2026-03-04T15:59:59.999Z');
  });

  it('should keep day 7 inside and refuse day 8 (R58)', () => {
    const end = returnWindowEndsAt('2026-06-01', terms);
    expect(withinWindow('2026-06-08T23:59:00+08:00', end)).toBe(true);
    expect(withinWindow('2026-06-09T00:00:00+08:00', end)).toBe(false);
  });

  it('should tell a receipt date still to come, in the local zone', () => {
    expect(receivedInFuture('2026-06-04', '2026-06-03T15:59:59.999Z', 'Asia/Shanghai')).toBe(true);
    expect(receivedInFuture('2026-06-04', '2026-06-03T16:00:00.000Z', 'Asia/Shanghai')).toBe(false);
  });

  it('should refuse a window that is not whole days', () => {
    expect(() => returnWindowEndsAt('2026-06-01', { returnWindowDays: 1.5, timezone: 'UTC' })).toThrow(RangeError);
  });

  it('should offer a warranty repair only for quality problems in warranty (R60)', () => {
    expect(warrantyRepairApplies('quality', 'in')).toBe(true);
    expect(warrantyRepairApplies('quality', 'unknown')).toBe(false);
    expect(warrantyRepairApplies('not_satisfied', 'in')).toBe(false);
  });
});

describe('the repair due instant', () => {
  const wednesday = '2026-06-03T02:00:00.000Z'; // 10:00 Shanghai

  it('should allow 2 working days per started block of 10 units (R69)', () => {
    expect([1, 10, 11, 12, 20, 25].map((u) => turnaroundWorkingDays(u, terms))).toEqual([2, 2, 4, 4, 4, 6]);
    expect(() => turnaroundWorkingDays(0, terms)).toThrow(RangeError);
  });

  it('should give a carry-in repair of 12 units a due instant 4 working days out, over the weekend', () => {
    expect(repairDueAt('carry_in', { at: wednesday, units: 12 }, terms)).toBe('2026-06-09T02:00:00.000Z');
  });

  it('should count mail-in and salesperson repairs the same way, skipping configured holidays', () => {
    expect(turnaroundDueAt(wednesday, 3, terms)).toBe('2026-06-05T02:00:00.000Z');
    expect(repairDueAt('mail_in', { at: wednesday, units: 3 }, { ...terms, holidays: ['2026-06-04'] })).toBe('2026-06-08T02:00:00.000Z');
    expect(repairDueAt('salesperson_carry', { at: wednesday, units: 3 }, { ...terms, turnaround: { unitsPerBlock: 5, workingDaysPerBlock: 1 } })).toBe(
      '2026-06-04T02:00:00.000Z',
    );
  });

  it('should give an on-site visit 24 hours from the call, or the time the customer chose (R68)', () => {
    expect(visitDueAt(wednesday, undefined, terms)).toBe('2026-06-04T02:00:00.000Z');
    expect(repairDueAt('on_site', { at: wednesday, units: 1, visitAt: '2026-06-06T09:00:00+08:00' }, terms)).toBe('2026-06-06T01:00:00.000Z');
    expect(visitDueAt(wednesday, undefined, { onSiteVisitHours: 4 })).toBe('2026-06-03T06:00:00.000Z');
  });

  it('should schedule the call-back the configured days after completion', () => {
    expect(callbackDueAt(wednesday, terms)).toBe('2026-06-06T02:00:00.000Z');
  });
});

describe('the inspection conditions', () => {
  it('should list the general conditions and those of each category, falling back to the default', () => {
    const configured = { inspectionConditions: { default: ['worn'], shoes: ['soles_worn'] } };
    expect(inspectionConditionsFor(configured, ['shoes', 'jackets'])).toEqual(['accessories_missing', 'invoice_missing', 'soles_worn', 'worn']);
  });
});
