import { defineLifecycle } from '@cs/eventstore';
import type { BirthdayGreetingCommand } from './birthday-greeting.commands.js';
import type { BirthdayGreetingEvent } from './birthday-greeting.events.js';
import type { BirthdayGreetingStatus } from './birthday-greeting.state.js';

const OPEN: BirthdayGreetingStatus[] = ['planned', 'gift_due'];
const completing = (before: BirthdayGreetingStatus, e: { data: { completes: boolean } }) => (e.data.completes ? 'completed' : before);

export const birthdayGreetingLifecycle = defineLifecycle<BirthdayGreetingStatus, BirthdayGreetingCommand, BirthdayGreetingEvent>({
  name: 'birthday greeting',
  statuses: ['planned', 'gift_due', 'completed', 'withheld'],
  terminal: ['completed', 'withheld'],
  commands: {
    PlanBirthdayGreeting: 'create',
    MarkBirthdayGiftDue: ['planned'],
    RecordBirthdayCardSent: OPEN,
    RecordBirthdayGiftCardIssued: OPEN,
    RecordBirthdayCall: OPEN,
  },
  events: {
    BirthdayGreetingPlanned: 'planned',
    BirthdayGreetingWithheld: 'withheld',
    BirthdayGiftDue: 'gift_due',
    BirthdayCardSent: completing,
    BirthdayGiftCardIssued: completing,
    BirthdayCallRecorded: completing,
  },
});
