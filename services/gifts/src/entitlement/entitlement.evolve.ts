import type { EntitlementEvent } from './entitlement.events.js';
import { entitlementLifecycle } from './entitlement.lifecycle.js';
import type { EntitlementState } from './entitlement.state.js';

export function evolveEntitlement(state: EntitlementState, event: EntitlementEvent): EntitlementState {
  const status = entitlementLifecycle.statusAfter(event, state?.status);
  switch (event.type) {
    case 'EntitlementIssued': {
      const { at, by: _by, note: _note, ...fields } = event.data;
      return { ...fields, status, issuedAt: at };
    }
    case 'EntitlementRedeemed':
      return state && { ...state, status, redeemedAt: event.data.at, redeemedStoreId: event.data.storeId, issuanceId: event.data.issuanceId };
    case 'EntitlementExpired':
    case 'EntitlementVoided':
      return state && { ...state, status };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
