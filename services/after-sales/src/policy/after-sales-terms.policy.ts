import { RETURN_REASONS, type ReturnReason } from '../common/after-sales.values.js';

/**
 * The after-sales terms (§1.4.4) as configuration: version 0 is the configured default, each
 * definition under /v1/config/after-sales-policy a version after it. A request keeps the version
 * (and the instants computed from it) it was filed under.
 */
export interface AfterSalesTerms {
  /** Calendar days from the customer's receipt of the goods ([004]: 7). */
  returnWindowDays: number;
  /** The organisation's zone: the window ends at local midnight, working days are local dates. */
  timezone: string;
  /** Reasons accepted within the window (R59: dissatisfaction or quality, and the open list of R57). */
  allowedReasons: ReturnReason[];
  /** [002]: an on-site visit within 24 h of the call unless the customer chose a time. */
  onSiteVisitHours: number;
  /** [002]: 2 working days per started block of 10 units. */
  turnaround: { unitsPerBlock: number; workingDaysPerBlock: number };
  /** [PROPOSED] the after-sales call-back, days after completion (3–7). */
  callbackDueDays: number;
  /** [PROPOSED] categories never taken back unless the reason is quality (e.g. underwear). */
  nonReturnableCategories: string[];
  /** [PROPOSED] conditions an inspection may fail on, per category (`default` for the rest). */
  inspectionConditions: Record<string, string[]>;
  weekendDays: number[];
  holidays: string[];
  makeUpWorkingDays: string[];
}

export interface TermsInForce extends AfterSalesTerms {
  version: number;
}

/** Conditions every return may fail on, whatever the category (R61: goods come back complete). */
export const GENERAL_CONDITIONS = ['accessories_missing', 'invoice_missing'] as const;

export const DEFAULT_AFTER_SALES_TERMS: Readonly<AfterSalesTerms> = Object.freeze<AfterSalesTerms>({
  returnWindowDays: 7,
  timezone: 'Asia/Shanghai',
  allowedReasons: [...RETURN_REASONS],
  onSiteVisitHours: 24,
  turnaround: { unitsPerBlock: 10, workingDaysPerBlock: 2 },
  callbackDueDays: 3,
  nonReturnableCategories: ['underwear'],
  inspectionConditions: { default: ['worn', 'washed', 'altered', 'tags_removed'] },
  weekendDays: [0, 6],
  holidays: [],
  makeUpWorkingDays: [],
});

/** The conditions an inspection of these categories may name. */
export function inspectionConditionsFor(terms: Pick<AfterSalesTerms, 'inspectionConditions'>, categories: readonly string[]): string[] {
  const named = categories.flatMap((c) => terms.inspectionConditions[c] ?? terms.inspectionConditions.default ?? []);
  return [...new Set([...GENERAL_CONDITIONS, ...named])];
}
