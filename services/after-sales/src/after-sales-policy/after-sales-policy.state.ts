import type { AfterSalesTerms } from '../policy/after-sales-terms.policy.js';
import type { AfterSalesPolicyStatus } from './after-sales-policy.values.js';

export interface AfterSalesPolicy {
  status: AfterSalesPolicyStatus;
  terms: AfterSalesTerms;
  definedAt: string;
  definedBy: string;
}

/** Null until the first definition; the configured default (version 0) applies meanwhile. */
export type AfterSalesPolicyState = AfterSalesPolicy | null;

export const initialAfterSalesPolicyState = (): AfterSalesPolicyState => null;
