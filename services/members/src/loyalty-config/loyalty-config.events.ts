import type { Event } from '@cs/eventstore';
import type { LoyaltyRules } from './loyalty-config.values.js';

export type LoyaltyRulesDefined = Event<'LoyaltyRulesDefined', { configId: string; rules: LoyaltyRules; at: string; by: string }>;

export type LoyaltyRulesRevised = Event<
  'LoyaltyRulesRevised',
  { configId: string; rules: LoyaltyRules; note?: string; at: string; by: string }
>;

export type LoyaltyConfigEvent = LoyaltyRulesDefined | LoyaltyRulesRevised;
