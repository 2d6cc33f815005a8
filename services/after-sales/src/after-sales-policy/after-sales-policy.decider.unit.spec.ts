import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { RequestActor } from '../common/after-sales.values.js';
import { DEFAULT_AFTER_SALES_TERMS } from '../policy/after-sales-terms.policy.js';
import type { DefineAfterSalesPolicy } from './after-sales-policy.commands.js';
import { afterSalesPolicyDecider, afterSalesPolicyStreamId } from './after-sales-policy.decider.js';
import type { AfterSalesPolicyDefined } from './after-sales-policy.events.js';

const spec = DeciderSpecification(afterSalesPolicyDecider);
const T1 = '2026-06-02T01:00:00.000Z';
const manager: RequestActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const admin: RequestActor = { id: 'root', role: 'admin' };

const define = (overrides: Partial<DefineAfterSalesPolicy> = {}): DefineAfterSalesPolicy => ({
  type: 'DefineAfterSalesPolicy',
  policyId: 'default',
  ...structuredClone(DEFAULT_AFTER_SALES_TERMS),
  returnWindowDays: 15,
  now: T1,
  actor: manager,
  ...overrides,
});

const defined = (data: Partial<AfterSalesPolicyDefined['data']> = {}): AfterSalesPolicyDefined => ({
  type: 'AfterSalesPolicyDefined',
  data: { ...structuredClone(DEFAULT_AFTER_SALES_TERMS), returnWindowDays: 15, at: T1, by: manager.id, ...data },
});

describe('AfterSalesPolicy', () => {
  it('should keep one stream per policy', () => {
    expect(afterSalesPolicyStreamId()).toBe('after-sales-policy-default');
  });

  describe('when the terms are defined', () => {
    it('should record the first definition with the instant and the actor', () => {
      spec.given([]).when(define()).then([defined()]);
    });

    it('should record a redefinition, sorting and de-duplicating dates and weekend days', () => {
      spec
        .given([defined()])
        .when(define({ actor: admin, holidays: ['2026-10-02', '2026-10-01', '2026-10-01'], weekendDays: [6, 0] }))
        .then([defined({ by: admin.id, holidays: ['2026-10-01', '2026-10-02'], weekendDays: [0, 6] })]);
    });

    it('should append nothing for an identical definition', () => {
      spec.given([defined()]).when(define()).thenNothingHappens();
    });

    it('should refuse a role that may not change the terms', () => {
      spec.given([]).when(define({ actor: { id: 's', role: 'store_manager' } })).thenThrows(DomainError, 'AFTER_SALES_POLICY_FORBIDDEN');
    });

    it.each([
      ['a fractional window', { returnWindowDays: 7.5 }],
      ['a negative window', { returnWindowDays: -1 }],
      ['an unknown zone', { timezone: 'Mars/Olympus' }],
      ['no allowed reason', { allowedReasons: [] }],
      ['an unknown reason', { allowedReasons: ['bored'] as never }],
      ['a zero visit time', { onSiteVisitHours: 0 }],
      ['a zero block', { turnaround: { unitsPerBlock: 0, workingDaysPerBlock: 2 } }],
      ['a fractional block', { turnaround: { unitsPerBlock: 10, workingDaysPerBlock: 1.5 } }],
      ['a call-back too far out', { callbackDueDays: 61 }],
      ['an invalid weekend day', { weekendDays: [7] }],
      ['a week without working days', { weekendDays: [0, 1, 2, 3, 4, 5, 6] }],
      ['an impossible holiday', { holidays: ['2026-02-30'] }],
      ['a holiday that is also a make-up day', { holidays: ['2026-10-01'], makeUpWorkingDays: ['2026-10-01'] }],
      ['no default inspection condition', { inspectionConditions: { shoes: ['worn'] } }],
    ])('should refuse %s', (_name, overrides) => {
      spec.given([]).when(define(overrides as Partial<DefineAfterSalesPolicy>)).thenThrows(DomainError, 'INVALID_AFTER_SALES_POLICY');
    });
  });
});
