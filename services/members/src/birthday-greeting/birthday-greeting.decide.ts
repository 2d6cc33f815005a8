import type { BirthdayGreetingCommand } from './birthday-greeting.commands.js';
import { decideCall, decideCardSent, decideGiftCardIssued } from './birthday-greeting.decide-contact.js';
import { decideGiftDue, decidePlan } from './birthday-greeting.decide-plan.js';
import { greetingAlreadyExists, greetingNotFound } from './birthday-greeting.errors.js';
import type { BirthdayGreetingEvent } from './birthday-greeting.events.js';
import { birthdayGreetingLifecycle } from './birthday-greeting.lifecycle.js';
import type { BirthdayGreetingState } from './birthday-greeting.state.js';

export function decideBirthdayGreeting(command: BirthdayGreetingCommand, state: BirthdayGreetingState): BirthdayGreetingEvent[] {
  if (command.type === 'PlanBirthdayGreeting') {
    if (state) throw greetingAlreadyExists(command.greetingId);
    return decidePlan(command);
  }
  if (!state) throw greetingNotFound(command.greetingId);
  // the gift-due timer may fire late, after the greeting was completed by hand
  if (command.type === 'MarkBirthdayGiftDue' && !birthdayGreetingLifecycle.allows(command.type, state.status)) return [];
  birthdayGreetingLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'MarkBirthdayGiftDue':
      return decideGiftDue(command, state);
    case 'RecordBirthdayCardSent':
      return decideCardSent(command, state);
    case 'RecordBirthdayGiftCardIssued':
      return decideGiftCardIssued(command, state);
    case 'RecordBirthdayCall':
      return decideCall(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
