import type { EscalateComplaint, RecordFirstResponse, StartInvestigation } from './complaint.commands.js';
import { escalationNotUpward, firstResponseAlreadySent } from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import { compact, onOrBefore, requireAssigneeOrManager, requireOwnerIfAssigned, requireStatus, requireText, stamp } from './complaint.guards.js';
import { OPEN_STATUSES, type Complaint } from './complaint.state.js';
import { escalationRank } from './complaint.values.js';

export function decideFirstResponse(command: RecordFirstResponse, state: Complaint): ComplaintEvent[] {
  if (state.sla.firstRespondedAt) throw firstResponseAlreadySent();
  requireStatus(state, OPEN_STATUSES, 'send the first response to');
  requireAssigneeOrManager(state, command.actor);
  requireText(command.message, 'message');
  const withinSla = onOrBefore(command.now, state.sla.firstResponseDueAt);
  return [{ type: 'FirstResponseSent', data: { message: command.message, withinSla, ...stamp(command) } }];
}

export function decideStartInvestigation(command: StartInvestigation, state: Complaint): ComplaintEvent[] {
  requireStatus(state, ['assigned', 'reopened'], 'investigate');
  requireAssigneeOrManager(state, command.actor);
  return [{ type: 'InvestigationStarted', data: compact({ note: command.note, ...stamp(command) }) }];
}

export function decideEscalate(command: EscalateComplaint, state: Complaint): ComplaintEvent[] {
  requireStatus(state, OPEN_STATUSES, 'escalate');
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
