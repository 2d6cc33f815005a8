import type { RequestActor } from '../common/after-sales.values.js';
import type { AfterSalesTerms } from '../policy/after-sales-terms.policy.js';

export interface DefineAfterSalesPolicy extends AfterSalesTerms {
  type: 'DefineAfterSalesPolicy';
  policyId: string;
  now: string;
  actor: RequestActor;
}

export type AfterSalesPolicyCommand = DefineAfterSalesPolicy;
