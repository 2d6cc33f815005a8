import type { SlaPolicyEvent } from './sla-policy.events.js';
import { slaPolicyLifecycle } from './sla-policy.lifecycle.js';
import type { SlaPolicyState } from './sla-policy.state.js';

export function evolveSlaPolicy(state: SlaPolicyState, event: SlaPolicyEvent): SlaPolicyState {
  switch (event.type) {
    case 'SlaPolicyDefined': {
      const { at, by, ...definition } = event.data;
      return { status: slaPolicyLifecycle.statusAfter(event, state?.status), definition, definedAt: at, definedBy: by };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
