import type { LoyaltyRules, LoyaltyRulesInForce } from './loyalty-config.values.js';

export type LoyaltyConfigStatus = 'in_force';

export interface LoyaltyConfig {
  status: LoyaltyConfigStatus;
  configId: string;
  rules: LoyaltyRules;
  /** 1 for the first definition, +1 per revision: the stream version of the defining event. */
  revision: number;
  definedAt: string;
  definedBy: string;
}

export type LoyaltyConfigState = LoyaltyConfig | null;

export const initialLoyaltyConfigState = (): LoyaltyConfigState => null;

/** The rules in force, or the defaults as revision 0 before anything is defined. */
export function rulesInForce(state: LoyaltyConfigState, defaults: LoyaltyRules): LoyaltyRulesInForce {
  return state ? { revision: state.revision, rules: state.rules } : { revision: 0, rules: defaults };
}
