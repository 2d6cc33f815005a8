import type { BirthdayAllowanceCommand } from './birthday-allowance.commands.js';
import { decideClaimBirthdayGift, decideReleaseBirthdayGift } from './birthday-allowance.decide-claims.js';
import type { BirthdayAllowanceEvent } from './birthday-allowance.events.js';
import { birthdayAllowanceLifecycle } from './birthday-allowance.lifecycle.js';
import type { BirthdayAllowanceState } from './birthday-allowance.state.js';

export function decideBirthdayAllowance(command: BirthdayAllowanceCommand, state: BirthdayAllowanceState): BirthdayAllowanceEvent[] {
  birthdayAllowanceLifecycle.require(command.type, state?.status);
  switch (command.type) {
    case 'ClaimBirthdayGift':
      return decideClaimBirthdayGift(command);
    case 'ReleaseBirthdayGift':
      return state ? decideReleaseBirthdayGift(command, state) : [];
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
