import type { Decider } from '@cs/eventstore';
import type { SlaPolicyCommand } from './sla-policy.commands.js';
import { decideSlaPolicy } from './sla-policy.decide.js';
import type { SlaPolicyEvent } from './sla-policy.events.js';
import { evolveSlaPolicy } from './sla-policy.evolve.js';
import { initialSlaPolicyState, type SlaPolicyState } from './sla-policy.state.js';

export const SLA_POLICY_STREAM_TYPE = 'sla-policy';

export function slaPolicyStreamId(policyId: string): string {
  return `${SLA_POLICY_STREAM_TYPE}-${policyId}`;
}

export const slaPolicyDecider: Decider<SlaPolicyState, SlaPolicyCommand, SlaPolicyEvent> = {
  decide: decideSlaPolicy,
  evolve: evolveSlaPolicy,
  initialState: initialSlaPolicyState,
};
