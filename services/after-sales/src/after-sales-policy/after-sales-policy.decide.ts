import { timezoneOffsetMinutes } from '@cs/calendar';
import { RETURN_REASONS } from '../common/after-sales.values.js';
import type { AfterSalesTerms } from '../policy/after-sales-terms.policy.js';
import type { AfterSalesPolicyCommand, DefineAfterSalesPolicy } from './after-sales-policy.commands.js';
import { invalidPolicy, policyForbidden } from './after-sales-policy.errors.js';
import type { AfterSalesPolicyEvent } from './after-sales-policy.events.js';
import { afterSalesPolicyLifecycle } from './after-sales-policy.lifecycle.js';
import type { AfterSalesPolicyState } from './after-sales-policy.state.js';
import { AFTER_SALES_POLICY_ROLES, POLICY_BOUNDS as B } from './after-sales-policy.values.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

function wholeIn(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw invalidPolicy(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

function validTimezone(zone: string): string {
  try {
    timezoneOffsetMinutes(zone, 0);
    return zone;
  } catch {
    throw invalidPolicy('timezone', 'must be an IANA zone or a fixed offset');
  }
}

function validDates(dates: string[], field: string): string[] {
  if (!dates.every(realDate)) throw invalidPolicy(field, 'must be real YYYY-MM-DD dates');
  return [...new Set(dates)].sort();
}

function validTerms(c: DefineAfterSalesPolicy): AfterSalesTerms {
  if (c.allowedReasons.length === 0 || !c.allowedReasons.every((r) => (RETURN_REASONS as readonly string[]).includes(r))) {
    throw invalidPolicy('allowedReasons', `must list some of ${RETURN_REASONS.join(', ')}`);
  }
  if (!c.weekendDays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) || c.weekendDays.length > 6) {
    throw invalidPolicy('weekendDays', 'must be days 0 (Sunday) to 6, leaving a working day');
  }
  const holidays = validDates(c.holidays, 'holidays');
  const makeUpWorkingDays = validDates(c.makeUpWorkingDays, 'makeUpWorkingDays');
  if (holidays.some((d) => makeUpWorkingDays.includes(d))) throw invalidPolicy('holidays', 'cannot also be make-up working days');
  if (!(c.onSiteVisitHours > 0 && c.onSiteVisitHours <= B.maxVisitHours)) throw invalidPolicy('onSiteVisitHours', `must be more than 0 and at most ${B.maxVisitHours}`);
  if (!c.inspectionConditions.default?.length) throw invalidPolicy('inspectionConditions.default', 'must name at least one condition');
  return {
    returnWindowDays: wholeIn(c.returnWindowDays, 0, B.maxWindowDays, 'returnWindowDays'),
    timezone: validTimezone(c.timezone),
    allowedReasons: [...new Set(c.allowedReasons)],
    onSiteVisitHours: c.onSiteVisitHours,
    turnaround: {
      unitsPerBlock: wholeIn(c.turnaround.unitsPerBlock, 1, B.maxUnitsPerBlock, 'turnaround.unitsPerBlock'),
      workingDaysPerBlock: wholeIn(c.turnaround.workingDaysPerBlock, 1, B.maxWorkingDaysPerBlock, 'turnaround.workingDaysPerBlock'),
    },
    callbackDueDays: wholeIn(c.callbackDueDays, 0, B.maxCallbackDays, 'callbackDueDays'),
    nonReturnableCategories: [...new Set(c.nonReturnableCategories)],
    inspectionConditions: c.inspectionConditions,
    weekendDays: [...new Set(c.weekendDays)].sort(),
    holidays,
    makeUpWorkingDays,
  };
}

export function decideAfterSalesPolicy(command: AfterSalesPolicyCommand, state: AfterSalesPolicyState): AfterSalesPolicyEvent[] {
  afterSalesPolicyLifecycle.require(command.type, state?.status);
  switch (command.type) {
    case 'DefineAfterSalesPolicy': {
      if (!AFTER_SALES_POLICY_ROLES.includes(command.actor.role)) throw policyForbidden(command.actor.role);
      const terms = validTerms(command);
      // an identical definition would bump the version of terms that did not change
      if (state && JSON.stringify(state.terms) === JSON.stringify(terms)) return [];
      return [{ type: 'AfterSalesPolicyDefined', data: { ...terms, at: command.now, by: command.actor.id } }];
    }
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`Unhandled command ${String(_exhaustive)}`);
    }
  }
}
