import { defineLifecycle } from '@cs/eventstore';
import { compensationNotGranted } from './compensation.errors.js';
import type { CompensationCommand } from './compensation.commands.js';
import type { CompensationEvent } from './compensation.events.js';
import type { CompensationStatus } from './compensation.state.js';

/**
 * A complaint's gift compensations: pending while a grant waits for the store, fulfilled when none
 * does. A later grant on the same complaint opens it again; the first grant creates the stream.
 */
export const compensationLifecycle = defineLifecycle<CompensationStatus, CompensationCommand, CompensationEvent>({
  name: 'compensation',
  statuses: ['pending', 'fulfilled'],
  terminal: [],
  commands: {
    RecordCompensationGrant: ['create', 'pending', 'fulfilled'],
    FulfilCompensation: ['pending'],
    // a reversal of an issuance the account never saw decides nothing
    ReopenCompensation: ['create', 'pending', 'fulfilled'],
  },
  events: {
    CompensationGranted: 'pending',
    CompensationFulfilled: (_before, e) => (e.data.allFulfilled ? 'fulfilled' : 'pending'),
    CompensationReopened: 'pending',
  },
  // nothing granted yet, or every grant honoured: the same business refusal, not a state conflict
  refuse: (command) => (command === 'FulfilCompensation' ? compensationNotGranted() : undefined),
});
