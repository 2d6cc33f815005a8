import type { Decider } from '@cs/eventstore';
import type { ComplaintCommand } from './complaint.commands.js';
import { decideComplaint } from './complaint.decide.js';
import type { ComplaintEvent } from './complaint.events.js';
import { evolveComplaint } from './complaint.evolve.js';
import { initialComplaintState, type ComplaintState } from './complaint.state.js';

export const COMPLAINT_STREAM_TYPE = 'complaint';

export function complaintStreamId(complaintId: string): string {
  return `complaint-${complaintId}`;
}

export const complaintDecider: Decider<ComplaintState, ComplaintCommand, ComplaintEvent> = {
  decide: decideComplaint,
  evolve: evolveComplaint,
  initialState: initialComplaintState,
};
