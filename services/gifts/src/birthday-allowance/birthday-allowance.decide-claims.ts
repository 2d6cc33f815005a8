import { stamp } from '../shared/gifts-actor.js';
import type { ClaimBirthdayGift, ReleaseBirthdayGift } from './birthday-allowance.commands.js';
import type { BirthdayAllowanceEvent } from './birthday-allowance.events.js';
import type { BirthdayAllowance } from './birthday-allowance.state.js';

export function decideClaimBirthdayGift(command: ClaimBirthdayGift): BirthdayAllowanceEvent[] {
  return [{ type: 'BirthdayGiftClaimed', data: { memberId: command.memberId, year: command.year, issuanceId: command.issuanceId, ...stamp(command) } }];
}

/** Only the issuance holding the claim releases it. */
export function decideReleaseBirthdayGift(command: ReleaseBirthdayGift, allowance: BirthdayAllowance): BirthdayAllowanceEvent[] {
  if (allowance.status !== 'claimed' || allowance.issuanceId !== command.issuanceId) return [];
  return [{ type: 'BirthdayGiftReleased', data: { issuanceId: command.issuanceId, ...stamp(command) } }];
}
