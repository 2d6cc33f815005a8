import { addCalendarDays, birthdayIn, startOfLocalDay } from '../local-time/local-time.js';
import type { MarkBirthdayGiftDue, PlanBirthdayGreeting } from './birthday-greeting.commands.js';
import { invalidBirthDate } from './birthday-greeting.errors.js';
import type { BirthdayGreetingEvent } from './birthday-greeting.events.js';
import type { BirthdayGreeting } from './birthday-greeting.state.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const stamp = (command: { now: string; actor: { id: string } }) => ({ at: command.now, by: command.actor.id });

/** Plans this year's card, gift card and (VIP) call; a record still needing a supplement gets no gift. */
export function decidePlan(command: PlanBirthdayGreeting): BirthdayGreetingEvent[] {
  if (!DATE.test(command.birthDate)) throw invalidBirthDate();
  const birthday = birthdayIn(command.year, command.birthDate);
  const base = { greetingId: command.greetingId, memberId: command.memberId, storeId: command.storeId, year: command.year, birthday };
  if (!command.profileComplete) {
    return [{ type: 'BirthdayGreetingWithheld', data: { ...base, reason: 'profile_incomplete', ...stamp(command) } }];
  }
  const { revision, rules } = command.rules;
  return [
    {
      type: 'BirthdayGreetingPlanned',
      data: {
        ...base,
        tier: command.tier,
        callOnTheDay: command.vip,
        giftDueAt: startOfLocalDay(addCalendarDays(birthday, -rules.birthdayLeadDays), rules.timezone),
        callFrom: startOfLocalDay(birthday, rules.timezone),
        rulesRevision: revision,
        ...stamp(command),
      },
    },
  ];
}

/** The timer at `giftDueAt`; early firings do nothing, nor does a greeting whose member was closed (its dates erased). */
export function decideGiftDue(command: MarkBirthdayGiftDue, state: BirthdayGreeting): BirthdayGreetingEvent[] {
  const dueAt = Date.parse(state.giftDueAt!);
  if (Number.isNaN(dueAt) || Date.parse(command.now) < dueAt) return [];
  return [{ type: 'BirthdayGiftDue', data: { dueAt: state.giftDueAt!, ...stamp(command) } }];
}
