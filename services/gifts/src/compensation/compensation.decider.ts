import type { Decider } from '@cs/eventstore';
import type { CompensationCommand } from './compensation.commands.js';
import { decideCompensation } from './compensation.decide.js';
import type { CompensationEvent } from './compensation.events.js';
import { evolveCompensation } from './compensation.evolve.js';
import { initialCompensationState, type CompensationState } from './compensation.state.js';

export const COMPENSATION_STREAM_TYPE = 'gift-compensation';
export const compensationStreamId = (complaintId: string): string => `gift-compensation-${complaintId}`;

export const compensationDecider: Decider<CompensationState, CompensationCommand, CompensationEvent> = {
  decide: decideCompensation,
  evolve: evolveCompensation,
  initialState: initialCompensationState,
};
