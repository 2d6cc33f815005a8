import { defineLifecycle, type DomainError } from '@cs/eventstore';
import type { ComplaintCommand, ComplaintCommandType } from './complaint.commands.js';
import { cannotReopen, cannotResolve, invalidTransition, notAssigned, notClassified, notResolved, solutionNotPending } from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint.values.js';

/** Statuses in which the complaint is in someone's hands (not received or merely classified). */
const IN_HAND = ['assigned', 'investigating', 'reopened', 'negotiating', 'solution_proposed'] as const;

/** Refusals that say more than "cannot do this now": what is missing, or what must come first. */
function refuse(command: ComplaintCommandType, status: ComplaintStatus | undefined): DomainError | undefined {
  // No complaint yet: the decider answers not found before asking the lifecycle.
  if (status === undefined) return undefined;
  switch (command) {
    case 'AssignComplaint':
      if (status === 'received') return notClassified();
      break;
    case 'ProposeSolution':
      if (status === 'received' || status === 'classified') return notAssigned();
      break;
    case 'AcceptSolution':
    case 'RejectSolution':
      return solutionNotPending();
    case 'ResolveComplaint':
      return cannotResolve(status);
    case 'CloseComplaint':
      return notResolved(status);
    case 'ReopenComplaint':
    case 'ReopenAfterCallback':
      return cannotReopen(status);
  }
  return invalidTransition(command, status);
}

/**
 * The complaint's status machine (§1.3.3): where each command may run and where each event leads.
 * A complaint that is closed (or closed as invalid / not ours) refuses everything except what
 * is listed for its status: reopening a closed one, and the SLA timers, which are no-ops there.
 */
export const complaintLifecycle = defineLifecycle<ComplaintStatus, ComplaintCommand, ComplaintEvent>({
  name: 'complaint',
  statuses: COMPLAINT_STATUSES,
  terminal: ['closed', 'closed_invalid', 'closed_not_ours'],
  settled: ['resolved'],
  commands: {
    FileComplaint: 'create',
    ClassifyComplaint: ['received', 'classified', 'assigned', 'reopened'],
    AssignComplaint: ['classified', ...IN_HAND],
    RecordFirstResponse: ['received', 'classified', ...IN_HAND, 'solution_accepted'],
    EscalateComplaint: ['received', 'classified', ...IN_HAND, 'solution_accepted'],
    StartInvestigation: ['assigned', 'reopened'],
    ProposeSolution: IN_HAND,
    AcceptSolution: ['solution_proposed'],
    RejectSolution: ['solution_proposed'],
    ResolveComplaint: ['solution_accepted'],
    CloseComplaint: ['resolved'],
    ReopenComplaint: ['resolved', 'closed'],
    InvalidateComplaint: ['received', 'classified', 'assigned', 'investigating'],
    RecordSlaWarning: COMPLAINT_STATUSES,
    RecordSlaBreach: COMPLAINT_STATUSES,
    KeepPromise: [...IN_HAND, 'solution_accepted', 'resolved'],
    RecordPromiseOverdue: COMPLAINT_STATUSES,
    ReopenAfterCallback: ['resolved', 'closed'],
    MergeComplaint: ['received', 'classified', ...IN_HAND],
    UnmergeComplaint: ['received', 'classified', ...IN_HAND],
    RecordMergedCase: ['received', 'classified', ...IN_HAND, 'solution_accepted', 'resolved'],
    SplitComplaint: ['received', 'classified', ...IN_HAND],
    // a fact reported by another service: whenever it arrives, once a compensation was granted
    RecordCompensationFulfilled: COMPLAINT_STATUSES,
  },
  events: {
    ComplaintFiled: 'received',
    ComplaintRepeatDetected: 'unchanged',
    ComplaintClassified: (before) => (before === 'received' ? 'classified' : before),
    ComplaintAssigned: (before) => (before === 'classified' ? 'assigned' : before),
    FirstResponseSent: 'unchanged',
    ComplaintEscalated: 'unchanged',
    InvestigationStarted: 'investigating',
    SolutionProposed: 'solution_proposed',
    SolutionAccepted: 'solution_accepted',
    SolutionRejected: 'negotiating',
    ComplaintCompensationGranted: 'unchanged',
    ComplaintResolved: 'resolved',
    ComplaintClosed: 'closed',
    ComplaintReopened: 'reopened',
    ComplaintInvalidated: (_before, event) => event.data.status,
    SlaWarningReached: 'unchanged',
    SlaBreached: 'unchanged',
    PromiseKept: 'unchanged',
    PromiseOverdue: 'unchanged',
    ComplaintMerged: 'unchanged',
    ComplaintUnmerged: 'unchanged',
    MergedCaseRecorded: 'unchanged',
    ComplaintSplit: 'unchanged',
    CompensationFulfilled: 'unchanged',
  },
  refuse,
});
