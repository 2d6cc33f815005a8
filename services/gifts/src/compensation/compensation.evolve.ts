import type { CompensationEvent } from './compensation.events.js';
import { compensationLifecycle } from './compensation.lifecycle.js';
import type { Compensation, CompensationState } from './compensation.state.js';

function apply(account: Compensation, event: CompensationEvent): Compensation {
  switch (event.type) {
    case 'CompensationGranted': {
      const { solutionNo, storeId, memberId, sku, quantity } = event.data;
      return { ...account, grants: [...account.grants, { solutionNo, storeId, memberId, sku, quantity }] };
    }
    case 'CompensationFulfilled':
      return { ...account, grants: account.grants.map((g) => (g.solutionNo === event.data.solutionNo ? { ...g, issuanceId: event.data.issuanceId } : g)) };
    case 'CompensationReopened':
      return { ...account, grants: account.grants.map((g) => (g.solutionNo === event.data.solutionNo ? { ...g, issuanceId: undefined } : g)) };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveCompensation(state: CompensationState, event: CompensationEvent): CompensationState {
  const account = state ?? { status: 'pending' as const, complaintId: event.type === 'CompensationGranted' ? event.data.complaintId : '', grants: [] };
  return { ...apply(account, event), status: compensationLifecycle.statusAfter(event, state?.status) };
}
