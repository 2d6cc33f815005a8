import type { BirthdayAllowanceEvent } from './birthday-allowance.events.js';
import { birthdayAllowanceLifecycle } from './birthday-allowance.lifecycle.js';
import type { BirthdayAllowanceState } from './birthday-allowance.state.js';

export function evolveBirthdayAllowance(state: BirthdayAllowanceState, event: BirthdayAllowanceEvent): BirthdayAllowanceState {
  const status = birthdayAllowanceLifecycle.statusAfter(event, state?.status);
  switch (event.type) {
    case 'BirthdayGiftClaimed':
      return { status, memberId: event.data.memberId, year: event.data.year, issuanceId: event.data.issuanceId };
    case 'BirthdayGiftReleased':
      return state && { ...state, status, issuanceId: undefined };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
