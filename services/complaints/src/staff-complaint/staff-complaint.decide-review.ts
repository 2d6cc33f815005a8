import { compact } from '@cs/eventstore';
import type { DismissStaffComplaint, UpholdStaffComplaint, VerifyAppeasement, WithdrawStaffComplaint } from './staff-complaint.commands.js';
import { invalidQaScore, notQualityAssurance, staffComplaintFieldRequired } from './staff-complaint.errors.js';
import type { StaffComplaintEvent } from './staff-complaint.events.js';
import type { StaffComplaint } from './staff-complaint.state.js';
import { QA_ROLES, QA_SCORE_MAX } from './staff-complaint.values.js';

const isQa = (role: string) => (QA_ROLES as readonly string[]).includes(role);

/** The complaint desk reviews the call-back record of the appeasement (R52). */
export function decideVerify(command: VerifyAppeasement): StaffComplaintEvent[] {
  return [{ type: 'AppeasementVerified', data: compact({ verified: command.verified, note: command.note, at: command.now, by: command.actor.id }) }];
}

/** R52: withdrawal only after a verified appeasement; it cancels the staff member's assessment. */
export function decideWithdraw(command: WithdrawStaffComplaint, state: StaffComplaint): StaffComplaintEvent[] {
  return [
    {
      type: 'StaffComplaintWithdrawn',
      data: compact({ staffId: state.staffId, assessmentCancelled: true as const, note: command.note, at: command.now, by: command.actor.id }),
    },
  ];
}

/** R54: QA upholds and scores against the QA standard. */
export function decideUphold(command: UpholdStaffComplaint, state: StaffComplaint): StaffComplaintEvent[] {
  if (!isQa(command.actor.role)) throw notQualityAssurance(command.actor.id);
  if (command.score !== undefined && (!Number.isInteger(command.score) || command.score < 0 || command.score > QA_SCORE_MAX)) {
    throw invalidQaScore(command.score);
  }
  return [
    {
      type: 'StaffComplaintUpheld',
      data: compact({ staffId: state.staffId, score: command.score, criteria: command.criteria ?? [], note: command.note, at: command.now, by: command.actor.id }),
    },
  ];
}

export function decideDismiss(command: DismissStaffComplaint): StaffComplaintEvent[] {
  if (!isQa(command.actor.role)) throw notQualityAssurance(command.actor.id);
  if (typeof command.note !== 'string' || command.note.trim() === '') throw staffComplaintFieldRequired('note');
  return [{ type: 'StaffComplaintDismissed', data: { note: command.note, at: command.now, by: command.actor.id } }];
}
