import type { Decider } from '@cs/eventstore';
import type { LoyaltyConfigCommand } from './loyalty-config.commands.js';
import { decideLoyaltyConfig } from './loyalty-config.decide.js';
import type { LoyaltyConfigEvent } from './loyalty-config.events.js';
import { evolveLoyaltyConfig } from './loyalty-config.evolve.js';
import { initialLoyaltyConfigState, rulesInForce, type LoyaltyConfigState } from './loyalty-config.state.js';
import type { LoyaltyRules, LoyaltyRulesInForce } from './loyalty-config.values.js';

export const LOYALTY_CONFIG_STREAM_TYPE = 'loyalty-config';
/** One programme today; the id keeps room for more (e.g. per brand). */
export const DEFAULT_LOYALTY_CONFIG_ID = 'default';

export function loyaltyConfigStreamId(configId: string): string {
  return `${LOYALTY_CONFIG_STREAM_TYPE}-${configId}`;
}

export const loyaltyConfigDecider: Decider<LoyaltyConfigState, LoyaltyConfigCommand, LoyaltyConfigEvent> = {
  decide: decideLoyaltyConfig,
  evolve: evolveLoyaltyConfig,
  initialState: initialLoyaltyConfigState,
};

/** The rules as they stood at `asOf` (events carry their instant), the defaults as revision 0 before any. */
export function loyaltyRulesAsOf(events: readonly LoyaltyConfigEvent[], asOf: string, defaults: LoyaltyRules): LoyaltyRulesInForce {
  const cutoff = Date.parse(asOf);
  const state = events
    .filter((e) => Date.parse(e.data.at) <= cutoff)
    .reduce<LoyaltyConfigState>((s, e) => evolveLoyaltyConfig(s, e), initialLoyaltyConfigState());
  return rulesInForce(state, defaults);
}
