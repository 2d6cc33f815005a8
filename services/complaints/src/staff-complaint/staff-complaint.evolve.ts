import type { StaffComplaintEvent } from './staff-complaint.events.js';
import { staffComplaintLifecycle } from './staff-complaint.lifecycle.js';
import type { StaffComplaint, StaffComplaintState } from './staff-complaint.state.js';

export function evolveStaffComplaint(state: StaffComplaintState, event: StaffComplaintEvent): StaffComplaintState {
  if (event.type === 'StaffComplaintFiled') {
    const { at, by, ...d } = event.data;
    return {
      ...d,
      status: staffComplaintLifecycle.statusAfter(event, undefined),
      secondCallOverdue: false,
      assessmentCancelled: false,
      filedAt: at,
      filedBy: by,
      updatedAt: at,
    };
  }
  if (!state) return state;
  const s: StaffComplaint = { ...state, status: staffComplaintLifecycle.statusAfter(event, state.status), updatedAt: event.data.at };
  switch (event.type) {
    case 'StaffComplaintNotified':
      return { ...s, notifiedAt: event.data.at };
    case 'InitialJudgementRecorded':
      return { ...s, initialJudgement: event.data.judgement };
    case 'SecondCallRecorded':
      return { ...s, secondCall: { ...event.data } };
    case 'SecondCallOverdue':
      return { ...s, secondCallOverdue: true };
    case 'AppeasementVerified':
      return { ...s, appeasementVerified: event.data.verified };
    case 'StaffComplaintWithdrawn':
      return { ...s, assessmentCancelled: true };
    case 'StaffComplaintUpheld': {
      const { score, criteria, note, at, by } = event.data;
      return { ...s, qa: { outcome: 'upheld', score, criteria, note, at, by } };
    }
    case 'StaffComplaintDismissed':
      return { ...s, qa: { outcome: 'dismissed', criteria: [], note: event.data.note, at: event.data.at, by: event.data.by } };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
