import { defineLifecycle } from '@cs/eventstore';
import type { SlaPolicyCommand } from './sla-policy.commands.js';
import { invalidTransition } from './sla-policy.errors.js';
import type { SlaPolicyEvent } from './sla-policy.events.js';
import { SLA_POLICY_STATUSES, type SlaPolicyStatus } from './sla-policy.values.js';

/** A definition creates the policy and every later one replaces it. */
export const slaPolicyLifecycle = defineLifecycle<SlaPolicyStatus, SlaPolicyCommand, SlaPolicyEvent>({
  name: 'SLA policy',
  statuses: SLA_POLICY_STATUSES,
  terminal: [],
  commands: { DefineSlaPolicy: ['create', 'defined'] },
  events: { SlaPolicyDefined: 'defined' },
  refuse: invalidTransition,
});
