import { compact } from '@cs/eventstore';
import type { AcceptSolution, ProposeSolution, RecordCompensationFulfilled, RejectSolution } from './complaint.commands.js';
import { aboveAuthority, compensationNotGranted, invalidCompensation, invalidPromise, solutionNotPending } from './complaint.errors.js';
import { stamp, type ComplaintEvent } from './complaint.events.js';
import {
  pendingSolution,
  requireAssigneeOrManager,
  requireCustomerAssigneeOrManager,
  type Complaint,
  type Solution,
} from './complaint.state.js';
import {
  COMPENSATION_KINDS,
  FULFILMENT_SOURCES,
  requireInstant,
  requireText,
  type AuthorityLimits,
  type Compensation,
  type PromiseTerms,
} from './complaint.values.js';

/** A level may grant compensation up to its configured value (authority limits, configuration). */
function requireWithinAuthority(state: Complaint, compensation: Compensation | undefined, authority: AuthorityLimits | undefined): void {
  const limit = authority?.[state.escalationLevel]?.maxCompensationFen;
  const amount = compensation?.amount;
  if (limit === undefined || amount === undefined) return;
  if (amount > limit) throw aboveAuthority(state.escalationLevel, amount, limit);
}

function numberedPromises(state: Complaint, promises: PromiseTerms[] | undefined, now: string) {
  if (!promises?.length) return undefined;
  return promises.map((p, i) => {
    const what = p.what?.trim();
    if (!what) throw invalidPromise('A promise says what was promised');
    if (!p.dueAt || Number.isNaN(Date.parse(p.dueAt))) throw invalidPromise('A promise says by when (an ISO-8601 instant)');
    if (Date.parse(p.dueAt) <= Date.parse(now)) throw invalidPromise('A promise is due after the instant it is made');
    return { no: state.promises.length + i + 1, what, dueAt: p.dueAt };
  });
}

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
  const compensation = validCompensation(command.compensation);
  requireWithinAuthority(state, compensation, command.authority);
  return [
    {
      type: 'SolutionProposed',
      data: compact({
        solutionNo: state.solutions.length + 1,
        description: command.description,
        compensation,
        expectedResolutionAt: command.expectedResolutionAt,
        supersedesSolutionNo: pendingSolution(state)?.no,
        promises: numberedPromises(state, command.promises, command.now),
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
  requireWithinAuthority(state, solution.compensation, command.authority);
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

/**
 * The service that fulfils the accepted solution's compensation reports a hand-over: recorded
 * once per record of theirs (a redelivery or a second report of the same record changes nothing).
 */
export function decideRecordCompensationFulfilled(command: RecordCompensationFulfilled, state: Complaint): ComplaintEvent[] {
  const kinds: readonly string[] = FULFILMENT_SOURCES[command.source];
  const granted = [...state.solutions].reverse().find((s) => s.status === 'accepted' && s.compensation && kinds.includes(s.compensation.kind));
  // a record made at another store does not fulfil this complaint's compensation, whatever it names
  if (!granted?.compensation || (command.storeId !== undefined && command.storeId !== state.storeId)) {
    throw compensationNotGranted(state.complaintId, command.source, kinds);
  }
  if (granted.fulfilments?.some((f) => f.source === command.source && f.ref === command.ref)) return [];
  requireInstant(command.fulfilledAt, 'fulfilledAt');
  return [
    {
      type: 'CompensationFulfilled',
      data: { solutionNo: granted.no, kind: granted.compensation.kind, source: command.source, ref: command.ref, fulfilledAt: command.fulfilledAt, ...stamp(command) },
    },
  ];
}
