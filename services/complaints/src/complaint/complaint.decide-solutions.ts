import { DomainError } from '@cs/eventstore';
import type {
  AcceptSolution,
  CloseComplaint,
  ProposeSolution,
  RejectSolution,
  ReopenComplaint,
  ResolveComplaint,
} from './complaint.commands.js';
import {
  cannotReopen,
  cannotResolve,
  invalidCompensation,
  invalidSatisfaction,
  notAssigned,
  notResolved,
  solutionNotPending,
} from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import {
  compact,
  onOrBefore,
  requireAssigneeOrManager,
  requireCustomerAssigneeOrManager,
  requireInstant,
  requireStatus,
  requireText,
  stamp,
} from './complaint.guards.js';
import { pendingSolution, type Complaint } from './complaint.state.js';
import { CALLBACK_OUTCOMES, COMPENSATION_KINDS, type Compensation } from './complaint.values.js';

function validCompensation(compensation: Compensation | undefined): Compensation | undefined {
  if (!compensation) return undefined;
  const { kind, amount, giftSku, quantity, note } = compensation;
  if (!COMPENSATION_KINDS.includes(kind)) throw invalidCompensation(`Unknown compensation kind ${kind}`);
  if (amount !== undefined && !(Number.isInteger(amount) && amount >= 0)) {
    throw invalidCompensation('The compensation amount must be a non-negative integer number of fen');
  }
  if (quantity !== undefined && !(Number.isInteger(quantity) && quantity >= 1)) {
    throw invalidCompensation('The compensation quantity must be a positive integer');
  }
  // GIFTS needs a SKU to issue, and a refund or voucher without a value cannot be fulfilled.
  if (kind === 'gift' && !giftSku?.trim()) throw invalidCompensation('A gift compensation needs giftSku');
  if ((kind === 'refund' || kind === 'voucher') && amount === undefined) {
    throw invalidCompensation(`A ${kind} compensation needs an amount`);
  }
  return compact({ kind, amount, giftSku, quantity, note });
}

export function decideProposeSolution(command: ProposeSolution, state: Complaint): ComplaintEvent[] {
  if (state.status === 'received' || state.status === 'classified') throw notAssigned();
  requireStatus(state, ['assigned', 'investigating', 'reopened', 'negotiating', 'solution_proposed'], 'propose a solution for');
  requireAssigneeOrManager(state, command.actor);
  requireText(command.description, 'description');
  requireInstant(command.expectedResolutionAt, 'expectedResolutionAt');
  return [
    {
      type: 'SolutionProposed',
      data: compact({
        solutionNo: state.solutions.length + 1,
        description: command.description,
        compensation: validCompensation(command.compensation),
        expectedResolutionAt: command.expectedResolutionAt,
        supersedesSolutionNo: pendingSolution(state)?.no,
        ...stamp(command),
      }),
    },
  ];
}

function requirePending(state: Complaint, solutionNo: number) {
  const pending = pendingSolution(state);
  if (state.status !== 'solution_proposed' || !pending || pending.no !== solutionNo) throw solutionNotPending(solutionNo);
  return pending;
}

export function decideAcceptSolution(command: AcceptSolution, state: Complaint): ComplaintEvent[] {
  const solution = requirePending(state, command.solutionNo);
  requireCustomerAssigneeOrManager(state, command.actor);
  const events: ComplaintEvent[] = [{ type: 'SolutionAccepted', data: compact({ solutionNo: solution.no, note: command.note, ...stamp(command) }) }];
  if (solution.compensation) {
    events.push({
      type: 'ComplaintCompensationGranted',
      data: compact({
        complaintId: state.complaintId,
        solutionNo: solution.no,
        ...solution.compensation,
        memberId: state.memberId,
        storeId: state.storeId,
        ...stamp(command),
      }),
    });
  }
  return events;
}

export function decideRejectSolution(command: RejectSolution, state: Complaint): ComplaintEvent[] {
  const solution = requirePending(state, command.solutionNo);
  requireCustomerAssigneeOrManager(state, command.actor);
  requireText(command.reason, 'reason');
  return [{ type: 'SolutionRejected', data: { solutionNo: solution.no, reason: command.reason, ...stamp(command) } }];
}

export function decideResolve(command: ResolveComplaint, state: Complaint): ComplaintEvent[] {
  if (state.status !== 'solution_accepted') throw cannotResolve(state.status);
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

export function decideClose(command: CloseComplaint, state: Complaint): ComplaintEvent[] {
  if (state.status !== 'resolved') throw notResolved(state.status);
  requireAssigneeOrManager(state, command.actor);
  const { satisfaction, callbackOutcome } = command;
  if (callbackOutcome !== undefined && !CALLBACK_OUTCOMES.includes(callbackOutcome)) {
    throw new DomainError('INVALID_CALLBACK_OUTCOME', `Unknown call-back outcome ${callbackOutcome}; an unsatisfied customer means reopening`, 'rule');
  }
  if (satisfaction !== undefined && !(Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5)) {
    throw invalidSatisfaction(satisfaction);
  }
  return [
    {
      type: 'ComplaintClosed',
      data: compact({ closedAt: command.now, note: command.note, satisfaction, callbackOutcome: command.callbackOutcome, ...stamp(command) }),
    },
  ];
}

export function decideReopen(command: ReopenComplaint, state: Complaint): ComplaintEvent[] {
  if (state.status !== 'resolved' && state.status !== 'closed') throw cannotReopen(state.status);
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
