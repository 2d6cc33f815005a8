import { addWorkingDays, workingCalendar, type WorkingCalendar } from '@cs/calendar';
import type { ServiceMode } from '../common/after-sales.values.js';
import type { AfterSalesTerms } from './after-sales-terms.policy.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const calendarOf = (terms: Pick<AfterSalesTerms, 'timezone' | 'weekendDays' | 'holidays' | 'makeUpWorkingDays'>): WorkingCalendar =>
  workingCalendar({ timezone: terms.timezone, weekendDays: terms.weekendDays, holidays: terms.holidays, makeUpWorkingDays: terms.makeUpWorkingDays });

/** Working days a workshop repair of `units` may take (R69): per started block, never less than one block. */
export function turnaroundWorkingDays(units: number, terms: Pick<AfterSalesTerms, 'turnaround'>): number {
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`Units must be a whole number of at least 1, got ${units}`);
  const { unitsPerBlock, workingDaysPerBlock } = terms.turnaround;
  return Math.ceil(units / unitsPerBlock) * workingDaysPerBlock;
}

/** On-site (R68): the customer's chosen time, else the call plus the configured hours. */
export function visitDueAt(calledAt: string, visitAt: string | undefined, terms: Pick<AfterSalesTerms, 'onSiteVisitHours'>): string {
  if (visitAt !== undefined) return new Date(Date.parse(visitAt)).toISOString();
  return new Date(Date.parse(calledAt) + terms.onSiteVisitHours * HOUR_MS).toISOString();
}

/** Carry-in, mail-in, salesperson (R69): from the item's receipt, on the working-day calendar. */
export function turnaroundDueAt(receivedAt: string, units: number, terms: AfterSalesTerms): string {
  return addWorkingDays(receivedAt, turnaroundWorkingDays(units, terms), calendarOf(terms));
}

/** When the repair's clock is due, given where it starts for its mode. */
export function repairDueAt(mode: ServiceMode, start: { at: string; visitAt?: string; units: number }, terms: AfterSalesTerms): string {
  return mode === 'on_site' ? visitDueAt(start.at, start.visitAt, terms) : turnaroundDueAt(start.at, start.units, terms);
}

/** The after-sales call-back ([PROPOSED] 3–7 days after completion). */
export function callbackDueAt(completedAt: string, terms: Pick<AfterSalesTerms, 'callbackDueDays'>): string {
  return new Date(Date.parse(completedAt) + terms.callbackDueDays * DAY_MS).toISOString();
}
