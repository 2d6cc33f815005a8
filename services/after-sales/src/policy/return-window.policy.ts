import { addCalendarDays, startOfLocalDay } from '@cs/calendar';
import type { AfterSalesTerms } from './after-sales-terms.policy.js';

/**
 * The last instant of the window: the end of the n-th day after the local date the customer got
 * the goods (received 1 June, 7 days: open until 8 June 23:59:59.999 local).
 */
export function returnWindowEndsAt(receivedOn: string, terms: Pick<AfterSalesTerms, 'returnWindowDays' | 'timezone'>): string {
  if (!Number.isInteger(terms.returnWindowDays) || terms.returnWindowDays < 0) {
    throw new RangeError(`The return window must be whole days, got ${terms.returnWindowDays}`);
  }
  const nextDay = addCalendarDays(receivedOn, terms.returnWindowDays + 1);
  return new Date(Date.parse(startOfLocalDay(nextDay, terms.timezone)) - 1).toISOString();
}

export function withinWindow(now: string, windowEndsAt: string): boolean {
  return Date.parse(now) <= Date.parse(windowEndsAt);
}

/** Past the window, a quality problem on goods in warranty still gets a free repair (R60). */
export function warrantyRepairApplies(reason: string, warranty: string): boolean {
  return reason === 'quality' && warranty === 'in';
}

/** A receipt date after the local date of `now` cannot be true. */
export function receivedInFuture(receivedOn: string, now: string, timezone: string): boolean {
  return Date.parse(startOfLocalDay(receivedOn, timezone)) > Date.parse(now);
}
