import { defineLifecycle } from '@cs/eventstore';
import { birthdayGiftAlreadyIssued } from './birthday-allowance.errors.js';
import type { BirthdayAllowanceCommand } from './birthday-allowance.commands.js';
import type { BirthdayAllowanceEvent } from './birthday-allowance.events.js';
import type { BirthdayAllowanceStatus } from './birthday-allowance.state.js';

/** One birthday gift per member per year: the first claim creates the stream, a release allows another. */
export const birthdayAllowanceLifecycle = defineLifecycle<BirthdayAllowanceStatus, BirthdayAllowanceCommand, BirthdayAllowanceEvent>({
  name: 'birthday allowance',
  statuses: ['claimed', 'released'],
  terminal: [],
  commands: { ClaimBirthdayGift: ['create', 'released'], ReleaseBirthdayGift: ['create', 'claimed', 'released'] },
  events: { BirthdayGiftClaimed: 'claimed', BirthdayGiftReleased: 'released' },
  refuse: (command) => (command === 'ClaimBirthdayGift' ? birthdayGiftAlreadyIssued() : undefined),
});
