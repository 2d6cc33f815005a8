import type { AfterSalesPolicyEvent } from './after-sales-policy.events.js';
import { afterSalesPolicyLifecycle } from './after-sales-policy.lifecycle.js';
import type { AfterSalesPolicyState } from './after-sales-policy.state.js';

export function evolveAfterSalesPolicy(state: AfterSalesPolicyState, event: AfterSalesPolicyEvent): AfterSalesPolicyState {
  switch (event.type) {
    case 'AfterSalesPolicyDefined': {
      const { at, by, ...terms } = event.data;
      return { status: afterSalesPolicyLifecycle.statusAfter(event, state?.status), terms, definedAt: at, definedBy: by };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
