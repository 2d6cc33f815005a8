import type { ComplaintCommand } from './complaint.commands.js';
import {
  decideCloseComplaint,
  decideInvalidateComplaint,
  decideReopenComplaint,
  decideResolveComplaint,
} from './complaint.decide-closing.js';
import { decideEscalateComplaint, decideRecordFirstResponse, decideStartInvestigation } from './complaint.decide-handling.js';
import { decideAssignComplaint, decideClassifyComplaint, decideFileComplaint } from './complaint.decide-intake.js';
import { decideRecordSlaBreach, decideRecordSlaWarning } from './complaint.decide-sla.js';
import { decideAcceptSolution, decideProposeSolution, decideRejectSolution } from './complaint.decide-solutions.js';
import { complaintAlreadyExists, complaintClosed, complaintNotFound } from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import { complaintLifecycle } from './complaint.lifecycle.js';
import type { ComplaintState } from './complaint.state.js';

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
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
