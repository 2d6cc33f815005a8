import type { RecordBirthdayCall, RecordBirthdayCardSent, RecordBirthdayGiftCardIssued } from './birthday-greeting.commands.js';
import { stamp } from './birthday-greeting.decide-plan.js';
import { callBeforeBirthday, callNotDue, giftCardConflict } from './birthday-greeting.errors.js';
import type { BirthdayGreetingEvent } from './birthday-greeting.events.js';
import type { BirthdayGreeting } from './birthday-greeting.state.js';
import { callDone, isComplete } from './birthday-greeting.values.js';

export function decideCardSent(command: RecordBirthdayCardSent, state: BirthdayGreeting): BirthdayGreetingEvent[] {
  if (state.cardSentAt) return [];
  const completes = isComplete({ ...state, cardSentAt: command.now });
  return [{ type: 'BirthdayCardSent', data: { channel: command.channel, completes, ...stamp(command) } }];
}

export function decideGiftCardIssued(command: RecordBirthdayGiftCardIssued, state: BirthdayGreeting): BirthdayGreetingEvent[] {
  if (state.giftCardIssuanceId) {
    if (state.giftCardIssuanceId === command.issuanceId) return [];
    throw giftCardConflict(state.giftCardIssuanceId);
  }
  const completes = isComplete({ ...state, giftCardIssuanceId: command.issuanceId });
  return [{ type: 'BirthdayGiftCardIssued', data: { issuanceId: command.issuanceId, completes, ...stamp(command) } }];
}

/** The call is for VIP tiers, on the birthday itself (local time) or, if missed, after. */
export function decideCall(command: RecordBirthdayCall, state: BirthdayGreeting): BirthdayGreetingEvent[] {
  if (!state.callOnTheDay) throw callNotDue();
  if (Date.parse(command.now) < Date.parse(state.callFrom!)) throw callBeforeBirthday(state.birthday);
  if (callDone(state.callOutcome)) return [];
  const completes = isComplete({ ...state, callOutcome: command.outcome });
  return [{ type: 'BirthdayCallRecorded', data: { outcome: command.outcome, completes, ...stamp(command) } }];
}
