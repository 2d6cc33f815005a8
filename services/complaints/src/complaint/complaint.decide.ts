import type { ComplaintCommand } from './complaint.commands.js';
import { decideMergeComplaint, decideRecordMergedCase, decideSplitComplaint, decideUnmergeComplaint } from './complaint.decide-cases.js';
import { decideKeepPromise, decideRecordPromiseOverdue } from './complaint.decide-promises.js';
import {
  decideCloseComplaint,
  decideInvalidateComplaint,
  decideReopenAfterCallback,
  decideReopenComplaint,
  decideResolveComplaint,
} from './complaint.decide-closing.js';
import { decideEscalateComplaint, decideRecordFirstResponse, decideStartInvestigation } from './complaint.decide-handling.js';
import { decideAssignComplaint, decideClassifyComplaint, decideFileComplaint } from './complaint.decide-intake.js';
import { decideRecordSlaBreach, decideRecordSlaWarning } from './complaint.decide-sla.js';
import { decideAcceptSolution, decideProposeSolution, decideRecordCompensationFulfilled, decideRejectSolution } from './complaint.decide-solutions.js';
import { complaintAlreadyExists, complaintClosed, complaintMerged, complaintNotFound } from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import { complaintLifecycle } from './complaint.lifecycle.js';
import type { ComplaintState } from './complaint.state.js';

/** What a merged case still answers: its undoing, the timers (no-ops there) and its own merge records. */
const WHILE_MERGED: ReadonlySet<ComplaintCommand['type']> = new Set([
  'UnmergeComplaint',
  'RecordMergedCase',
  'RecordSlaWarning',
  'RecordSlaBreach',
  'RecordPromiseOverdue',
  'RecordCompensationFulfilled',
] as const);

export function decideComplaint(command: ComplaintCommand, state: ComplaintState): ComplaintEvent[] {
  if (command.type === 'FileComplaint') {
    if (state) throw complaintAlreadyExists(command.complaintId);
    return decideFileComplaint(command);
  }
  if (!state) throw complaintNotFound(command.complaintId);
  // A finished complaint says so, rather than which status the command would need.
  if (complaintLifecycle.isTerminal(state.status) && !complaintLifecycle.allows(command.type, state.status)) {
    throw complaintClosed(state.complaintId, state.status);
  }
  complaintLifecycle.require(command.type, state.status);
  if (state.mergedInto && !WHILE_MERGED.has(command.type)) throw complaintMerged(state.complaintId, state.mergedInto);

  switch (command.type) {
    case 'ClassifyComplaint':
      return decideClassifyComplaint(command, state);
    case 'AssignComplaint':
      return decideAssignComplaint(command, state);
    case 'RecordFirstResponse':
      return decideRecordFirstResponse(command, state);
    case 'StartInvestigation':
      return decideStartInvestigation(command, state);
    case 'EscalateComplaint':
      return decideEscalateComplaint(command, state);
    case 'ProposeSolution':
      return decideProposeSolution(command, state);
    case 'AcceptSolution':
      return decideAcceptSolution(command, state);
    case 'RejectSolution':
      return decideRejectSolution(command, state);
    case 'ResolveComplaint':
      return decideResolveComplaint(command, state);
    case 'CloseComplaint':
      return decideCloseComplaint(command, state);
    case 'ReopenComplaint':
      return decideReopenComplaint(command, state);
    case 'InvalidateComplaint':
      return decideInvalidateComplaint(command, state);
    case 'RecordSlaWarning':
      return decideRecordSlaWarning(command, state);
    case 'RecordSlaBreach':
      return decideRecordSlaBreach(command, state);
    case 'KeepPromise':
      return decideKeepPromise(command, state);
    case 'RecordPromiseOverdue':
      return decideRecordPromiseOverdue(command, state);
    case 'ReopenAfterCallback':
      return decideReopenAfterCallback(command, state);
    case 'MergeComplaint':
      return decideMergeComplaint(command, state);
    case 'UnmergeComplaint':
      return decideUnmergeComplaint(command, state);
    case 'RecordCompensationFulfilled':
      return decideRecordCompensationFulfilled(command, state);
    case 'RecordMergedCase':
      return decideRecordMergedCase(command, state);
    case 'SplitComplaint':
      return decideSplitComplaint(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
