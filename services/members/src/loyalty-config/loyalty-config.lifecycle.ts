import { defineLifecycle } from '@cs/eventstore';
import type { LoyaltyConfigCommand } from './loyalty-config.commands.js';
import type { LoyaltyConfigEvent } from './loyalty-config.events.js';
import type { LoyaltyConfigStatus } from './loyalty-config.state.js';

export const loyaltyConfigLifecycle = defineLifecycle<LoyaltyConfigStatus, LoyaltyConfigCommand, LoyaltyConfigEvent>({
  name: 'loyalty config',
  statuses: ['in_force'],
  terminal: [],
  commands: { DefineLoyaltyRules: 'create', ReviseLoyaltyRules: ['in_force'] },
  events: { LoyaltyRulesDefined: 'in_force', LoyaltyRulesRevised: 'unchanged' },
});
