import type { LoyaltyConfigCommand } from './loyalty-config.commands.js';
import { decideDefineRules, decideReviseRules } from './loyalty-config.decide-rules.js';
import { loyaltyConfigAlreadyExists, loyaltyConfigNotFound } from './loyalty-config.errors.js';
import type { LoyaltyConfigEvent } from './loyalty-config.events.js';
import { loyaltyConfigLifecycle } from './loyalty-config.lifecycle.js';
import type { LoyaltyConfigState } from './loyalty-config.state.js';

export function decideLoyaltyConfig(command: LoyaltyConfigCommand, state: LoyaltyConfigState): LoyaltyConfigEvent[] {
  if (command.type === 'DefineLoyaltyRules') {
    if (state) throw loyaltyConfigAlreadyExists(command.configId);
    return decideDefineRules(command);
  }
  if (!state) throw loyaltyConfigNotFound(command.configId);
  loyaltyConfigLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'ReviseLoyaltyRules':
      return decideReviseRules(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
