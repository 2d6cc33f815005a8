import { compact } from '@cs/eventstore';
import type { CloseComplaint, InvalidateComplaint, ReopenComplaint, ResolveComplaint } from './complaint.commands.js';
import { duplicateOfRequired, invalidCallbackOutcome, invalidSatisfaction } from './complaint.errors.js';
import { stamp, type ComplaintEvent } from './complaint.events.js';
import { requireAssigneeOrManager, requireOwnerIfAssigned, type Complaint } from './complaint.state.js';
import { CALLBACK_OUTCOMES, onOrBefore, requireText } from './complaint.values.js';

// How a complaint ends: resolved once a solution is accepted (R18), closed once resolved and
// called back (R23), reopened when it was not settled after all, or closed early as invalid or
// not ours. Which status each may run in is the lifecycle's (`complaint.lifecycle.ts`).

export function decideResolveComplaint(command: ResolveComplaint, state: Complaint): ComplaintEvent[] {
  requireAssigneeOrManager(state, command.actor);
  requireText(command.outcome, 'outcome');
  return [
    {
      type: 'ComplaintResolved',
      data: {
        outcome: command.outcome,
        resolvedAt: command.now,
        withinSla: onOrBefore(command.now, state.sla.resolutionDueAt),
        ...stamp(command),
      },
    },
  ];
}

export function decideCloseComplaint(command: CloseComplaint, state: Complaint): ComplaintEvent[] {
  requireAssigneeOrManager(state, command.actor);
  const { satisfaction, callbackOutcome } = command;
  if (callbackOutcome !== undefined && !CALLBACK_OUTCOMES.includes(callbackOutcome)) throw invalidCallbackOutcome(callbackOutcome);
  if (satisfaction !== undefined && !(Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5)) {
    throw invalidSatisfaction(satisfaction);
  }
  return [
    {
      type: 'ComplaintClosed',
      data: compact({ closedAt: command.now, note: command.note, satisfaction, callbackOutcome, ...stamp(command) }),
    },
  ];
}

export function decideReopenComplaint(command: ReopenComplaint, state: Complaint): ComplaintEvent[] {
  requireAssigneeOrManager(state, command.actor);
  requireText(command.reason, 'reason');
  // A reopened complaint gets a fresh resolution clock when the caller supplies one.
  return [
    {
      type: 'ComplaintReopened',
      data: compact({
        reason: command.reason,
        reopenCount: state.reopenCount + 1,
        resolutionDueAt: command.resolution?.dueAt,
        resolutionWarnAt: command.resolution?.warnAt,
        ...stamp(command),
      }),
    },
  ];
}

export function decideInvalidateComplaint(command: InvalidateComplaint, state: Complaint): ComplaintEvent[] {
  requireOwnerIfAssigned(state, command.actor);
  requireText(command.explanation, 'explanation');
  const duplicate = command.reason === 'duplicate';
  if (duplicate && (!command.duplicateOfComplaintId?.trim() || command.duplicateOfComplaintId === state.complaintId)) {
    throw duplicateOfRequired();
  }
  return [
    {
      type: 'ComplaintInvalidated',
      data: compact({
        reason: command.reason,
        explanation: command.explanation,
        duplicateOfComplaintId: duplicate ? command.duplicateOfComplaintId : undefined,
        status: command.reason === 'not_ours' ? ('closed_not_ours' as const) : ('closed_invalid' as const),
        closedAt: command.now,
        ...stamp(command),
      }),
    },
  ];
}
