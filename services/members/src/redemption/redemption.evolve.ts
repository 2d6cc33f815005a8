import type { RedemptionEvent } from './redemption.events.js';
import { redemptionLifecycle } from './redemption.lifecycle.js';
import type { RedemptionState } from './redemption.state.js';

export function evolveRedemption(state: RedemptionState, event: RedemptionEvent): RedemptionState {
  if (event.type === 'RedemptionRequested') {
    const { at, by: _by, rulesRevision: _r, ...d } = event.data;
    return { ...d, status: redemptionLifecycle.statusAfter(event, undefined), requestedAt: at, holdReleased: false };
  }
  if (!state) return state;
  const s = { ...state, status: redemptionLifecycle.statusAfter(event, state.status) };
  switch (event.type) {
    case 'RedemptionRefused':
      return { ...s, refusal: event.data.reason };
    case 'RedemptionGiftIssued':
      return { ...s, issuanceId: event.data.issuanceId };
    case 'RedemptionGiftRefused':
      return { ...s, releaseReason: 'gift_refused', giftRefusalReason: event.data.reason };
    case 'RedemptionTimedOut':
      return { ...s, releaseReason: 'timed_out' };
    case 'RedemptionReleased':
      return { ...s, holdReleased: true };
    case 'RedemptionGiftIssuedLate':
      return { ...s, issuanceId: event.data.issuanceId, lateHoldId: event.data.lateHoldId };
    case 'RedemptionNeedsAttention':
      return { ...s, refusal: event.data.reason };
    case 'RedemptionPointsHeld':
    case 'RedemptionConfirmed':
      return s;
    default: {
      const _exhaustive: never = event;
      return s;
    }
  }
}
