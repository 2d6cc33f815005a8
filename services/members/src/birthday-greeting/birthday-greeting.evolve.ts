import type { BirthdayGreetingEvent } from './birthday-greeting.events.js';
import { birthdayGreetingLifecycle } from './birthday-greeting.lifecycle.js';
import type { BirthdayGreetingState } from './birthday-greeting.state.js';

export function evolveBirthdayGreeting(state: BirthdayGreetingState, event: BirthdayGreetingEvent): BirthdayGreetingState {
  if (event.type === 'BirthdayGreetingPlanned' || event.type === 'BirthdayGreetingWithheld') {
    const d = event.data;
    const base = { greetingId: d.greetingId, memberId: d.memberId, storeId: d.storeId, year: d.year, birthday: d.birthday };
    const status = birthdayGreetingLifecycle.statusAfter(event, undefined);
    return event.type === 'BirthdayGreetingPlanned'
      ? { ...base, status, tier: event.data.tier, callOnTheDay: event.data.callOnTheDay, giftDueAt: event.data.giftDueAt, callFrom: event.data.callFrom }
      : { ...base, status, callOnTheDay: false };
  }
  if (!state) return state;
  const s = { ...state, status: birthdayGreetingLifecycle.statusAfter(event, state.status) };
  switch (event.type) {
    case 'BirthdayGiftDue':
      return s;
    case 'BirthdayCardSent':
      return { ...s, cardSentAt: event.data.at, cardChannel: event.data.channel };
    case 'BirthdayGiftCardIssued':
      return { ...s, giftCardIssuanceId: event.data.issuanceId };
    case 'BirthdayCallRecorded':
      return { ...s, callOutcome: event.data.outcome, callAt: event.data.at };
    default: {
      const _exhaustive: never = event;
      return s;
    }
  }
}
