import type { IssuanceEvent } from './issuance.events.js';
import { issuanceLifecycle } from './issuance.lifecycle.js';
import type { IssuanceState } from './issuance.state.js';

export function evolveIssuance(state: IssuanceState, event: IssuanceEvent): IssuanceState {
  const status = issuanceLifecycle.statusAfter(event, state?.status);
  switch (event.type) {
    case 'GiftIssued': {
      const { at, by, note: _note, ...record } = event.data;
      return { ...record, status, issuedAt: at, issuedBy: by };
    }
    case 'GiftIssuanceRefused': {
      const { at, by, ...record } = event.data;
      return { ...record, status, issuedAt: at, issuedBy: by };
    }
    case 'GiftIssuanceReversed':
      return state && { ...state, status };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
