import type { SlaPolicyCommand } from './sla-policy.commands.js';
import { decideDefineSlaPolicy } from './sla-policy.decide-definition.js';
import type { SlaPolicyEvent } from './sla-policy.events.js';
import { slaPolicyLifecycle } from './sla-policy.lifecycle.js';
import type { SlaPolicyState } from './sla-policy.state.js';

export function decideSlaPolicy(command: SlaPolicyCommand, state: SlaPolicyState): SlaPolicyEvent[] {
  slaPolicyLifecycle.require(command.type, state?.status);
  switch (command.type) {
    case 'DefineSlaPolicy':
      return decideDefineSlaPolicy(command, state);
    default: {
      // a single-member union does not narrow as a whole: check its discriminant
      const _exhaustive: never = command.type;
      throw new Error(`Unhandled command ${String(_exhaustive)}`);
    }
  }
}
