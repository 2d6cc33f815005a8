import type { Decider } from '@cs/eventstore';
import type { BirthdayGreetingCommand } from './birthday-greeting.commands.js';
import { decideBirthdayGreeting } from './birthday-greeting.decide.js';
import type { BirthdayGreetingEvent } from './birthday-greeting.events.js';
import { evolveBirthdayGreeting } from './birthday-greeting.evolve.js';
import { initialBirthdayGreetingState, type BirthdayGreetingState } from './birthday-greeting.state.js';

export const BIRTHDAY_GREETING_STREAM_TYPE = 'birthday-greeting';

/** One stream per member and year (`greetingIdFor`). */
export function birthdayGreetingStreamId(greetingId: string): string {
  return `${BIRTHDAY_GREETING_STREAM_TYPE}-${greetingId}`;
}

export const birthdayGreetingDecider: Decider<BirthdayGreetingState, BirthdayGreetingCommand, BirthdayGreetingEvent> = {
  decide: decideBirthdayGreeting,
  evolve: evolveBirthdayGreeting,
  initialState: initialBirthdayGreetingState,
};
