import type { Decider } from '@cs/eventstore';
import type { AfterSalesPolicyCommand } from './after-sales-policy.commands.js';
import { decideAfterSalesPolicy } from './after-sales-policy.decide.js';
import type { AfterSalesPolicyEvent } from './after-sales-policy.events.js';
import { evolveAfterSalesPolicy } from './after-sales-policy.evolve.js';
import { initialAfterSalesPolicyState, type AfterSalesPolicyState } from './after-sales-policy.state.js';

export const AFTER_SALES_POLICY_STREAM_TYPE = 'after-sales-policy';
export const DEFAULT_AFTER_SALES_POLICY_ID = 'default';

export function afterSalesPolicyStreamId(policyId: string = DEFAULT_AFTER_SALES_POLICY_ID): string {
  return `${AFTER_SALES_POLICY_STREAM_TYPE}-${policyId}`;
}

export const afterSalesPolicyDecider: Decider<AfterSalesPolicyState, AfterSalesPolicyCommand, AfterSalesPolicyEvent> = {
  decide: decideAfterSalesPolicy,
  evolve: evolveAfterSalesPolicy,
  initialState: initialAfterSalesPolicyState,
};
