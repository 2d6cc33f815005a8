import { compact } from '@cs/eventstore';
import type { EscalateComplaint, RecordFirstResponse, StartInvestigation } from './complaint.commands.js';
import { escalationNotUpward, firstResponseAlreadySent } from './complaint.errors.js';
import { stamp, type ComplaintEvent } from './complaint.events.js';
import { requireAssigneeOrManager, requireOwnerIfAssigned, type Complaint } from './complaint.state.js';
import { escalationRank, onOrBefore, requireText } from './complaint.values.js';

export function decideRecordFirstResponse(command: RecordFirstResponse, state: Complaint): ComplaintEvent[] {
  if (state.sla.firstRespondedAt) throw firstResponseAlreadySent();
  requireAssigneeOrManager(state, command.actor);
  requireText(command.message, 'message');
  const withinSla = onOrBefore(command.now, state.sla.firstResponseDueAt);
  return [{ type: 'FirstResponseSent', data: { message: command.message, withinSla, ...stamp(command) } }];
}

export function decideStartInvestigation(command: StartInvestigation, state: Complaint): ComplaintEvent[] {
  requireAssigneeOrManager(state, command.actor);
  return [{ type: 'InvestigationStarted', data: compact({ note: command.note, ...stamp(command) }) }];
}

export function decideEscalateComplaint(command: EscalateComplaint, state: Complaint): ComplaintEvent[] {
  requireOwnerIfAssigned(state, command.actor);
  requireText(command.reason, 'reason');
  if (escalationRank(command.toLevel) <= escalationRank(state.escalationLevel)) {
    throw escalationNotUpward(state.escalationLevel, command.toLevel);
  }
  return [
    {
      type: 'ComplaintEscalated',
      data: { fromLevel: state.escalationLevel, toLevel: command.toLevel, reason: command.reason, ...stamp(command) },
    },
  ];
}
