import type { Decider } from '@cs/eventstore';
import type { StaffComplaintCommand } from './staff-complaint.commands.js';
import { decideStaffComplaint } from './staff-complaint.decide.js';
import type { StaffComplaintEvent } from './staff-complaint.events.js';
import { evolveStaffComplaint } from './staff-complaint.evolve.js';
import { initialStaffComplaintState, type StaffComplaintState } from './staff-complaint.state.js';

export const STAFF_COMPLAINT_STREAM_TYPE = 'staff-complaint';

export const staffComplaintStreamId = (id: string): string => `${STAFF_COMPLAINT_STREAM_TYPE}-${id}`;

export const staffComplaintDecider: Decider<StaffComplaintState, StaffComplaintCommand, StaffComplaintEvent> = {
  decide: decideStaffComplaint,
  evolve: evolveStaffComplaint,
  initialState: initialStaffComplaintState,
};
