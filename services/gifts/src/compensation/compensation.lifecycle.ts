import { defineLifecycle } from '@cs/eventstore';
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
    RecordCompensationGrant: ['pending', 'fulfilled'],
    FulfilCompensation: ['pending'],
    ReopenCompensation: ['pending', 'fulfilled'],
  },
  events: {
    CompensationGranted: 'pending',
    CompensationFulfilled: (_before, e) => (e.data.allFulfilled ? 'fulfilled' : 'pending'),
    CompensationReopened: 'pending',
  },
});
