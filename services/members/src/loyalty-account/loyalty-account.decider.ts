import type { Decider } from '@cs/eventstore';
import type { LoyaltyAccountCommand } from './loyalty-account.commands.js';
import { decideLoyaltyAccount } from './loyalty-account.decide.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { evolveLoyaltyAccount } from './loyalty-account.evolve.js';
import { initialLoyaltyAccountState, type LoyaltyAccountState } from './loyalty-account.state.js';

export const LOYALTY_ACCOUNT_STREAM_TYPE = 'loyalty-account';

/** One points ledger per member, keyed by the member id. */
export function loyaltyAccountStreamId(memberId: string): string {
  return `${LOYALTY_ACCOUNT_STREAM_TYPE}-${memberId}`;
}

export const loyaltyAccountDecider: Decider<LoyaltyAccountState, LoyaltyAccountCommand, LoyaltyAccountEvent> = {
  decide: decideLoyaltyAccount,
  evolve: evolveLoyaltyAccount,
  initialState: initialLoyaltyAccountState,
};
