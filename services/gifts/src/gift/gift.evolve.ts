import { compact } from '@cs/eventstore';
import type { GiftEvent } from './gift.events.js';
import { giftLifecycle } from './gift.lifecycle.js';
import type { GiftState } from './gift.state.js';

export function evolveGift(state: GiftState, event: GiftEvent): GiftState {
  const status = giftLifecycle.statusAfter(event, state?.status);
  switch (event.type) {
    case 'GiftDefined': {
      const { at: _at, by: _by, ...details } = event.data;
      return { ...details, status };
    }
    case 'GiftUpdated': {
      const { at: _at, by: _by, ...changes } = event.data;
      return state && { ...state, ...compact(changes), status };
    }
    case 'GiftDeactivated':
    case 'GiftReactivated':
      return state && { ...state, status };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
