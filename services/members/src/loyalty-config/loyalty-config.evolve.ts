import type { LoyaltyConfigEvent } from './loyalty-config.events.js';
import { loyaltyConfigLifecycle } from './loyalty-config.lifecycle.js';
import type { LoyaltyConfigState } from './loyalty-config.state.js';

export function evolveLoyaltyConfig(state: LoyaltyConfigState, event: LoyaltyConfigEvent): LoyaltyConfigState {
  const status = loyaltyConfigLifecycle.statusAfter(event, state?.status);
  switch (event.type) {
    case 'LoyaltyRulesDefined':
    case 'LoyaltyRulesRevised':
      return {
        status,
        configId: event.data.configId,
        rules: event.data.rules,
        revision: (state?.revision ?? 0) + 1,
        definedAt: event.data.at,
        definedBy: event.data.by,
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
