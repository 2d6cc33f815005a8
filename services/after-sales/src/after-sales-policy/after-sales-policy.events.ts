import type { Event } from '@cs/eventstore';
import type { AfterSalesTerms } from '../policy/after-sales-terms.policy.js';

/** A full definition: the terms in force from `at` on; requests filed before keep theirs. */
export type AfterSalesPolicyDefined = Event<'AfterSalesPolicyDefined', AfterSalesTerms & { at: string; by: string }>;

export type AfterSalesPolicyEvent = AfterSalesPolicyDefined;
