import { compact } from '@cs/eventstore';
import type { AcceptSolution, ProposeSolution, RejectSolution } from './complaint.commands.js';
import { invalidCompensation, solutionNotPending } from './complaint.errors.js';
import { stamp, type ComplaintEvent } from './complaint.events.js';
import {
  pendingSolution,
  requireAssigneeOrManager,
  requireCustomerAssigneeOrManager,
  type Complaint,
  type Solution,
} from './complaint.state.js';
import { COMPENSATION_KINDS, requireInstant, requireText, type Compensation } from './complaint.values.js';

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

/** The customer answers the proposal on the table, not an earlier one. */
function requirePending(state: Complaint, solutionNo: number): Solution {
  const pending = pendingSolution(state);
  if (!pending || pending.no !== solutionNo) throw solutionNotPending(solutionNo);
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
