import type { CompensationCommand } from './compensation.commands.js';
import { decideFulfilCompensation, decideReopenCompensation } from './compensation.decide-fulfilment.js';
import { decideRecordCompensationGrant } from './compensation.decide-granting.js';
import type { CompensationEvent } from './compensation.events.js';
import { compensationLifecycle } from './compensation.lifecycle.js';
import type { CompensationState } from './compensation.state.js';

export function decideCompensation(command: CompensationCommand, state: CompensationState): CompensationEvent[] {
  compensationLifecycle.require(command.type, state?.status);
  switch (command.type) {
    case 'RecordCompensationGrant':
      return decideRecordCompensationGrant(command, state);
    case 'FulfilCompensation':
      return decideFulfilCompensation(command, state!);
    case 'ReopenCompensation':
      return state ? decideReopenCompensation(command, state) : [];
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
