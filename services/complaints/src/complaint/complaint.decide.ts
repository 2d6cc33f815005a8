import type {
  AssignComplaint,
  ClassifyComplaint,
  ComplaintActor,
  ComplaintCommand,
  FileComplaint,
  InvalidateComplaint,
} from './complaint.commands.js';
import { decideEscalate, decideFirstResponse, decideStartInvestigation } from './complaint.decide-handling.js';
import { decideSlaBreach, decideSlaWarning } from './complaint.decide-sla.js';
import {
  decideAcceptSolution,
  decideClose,
  decideProposeSolution,
  decideRejectSolution,
  decideReopen,
  decideResolve,
} from './complaint.decide-solutions.js';
import {
  complaintAlreadyExists,
  complaintClosed,
  complaintNotFound,
  customerInfoRequired,
  duplicateOfRequired,
  notClassified,
  unknownCategory,
} from './complaint.errors.js';
import type { ComplaintEvent, ComplaintRepeatDetected } from './complaint.events.js';
import { compact, requireOwnerIfAssigned, requireStatus, requireText, stamp } from './complaint.guards.js';
import { TERMINAL_STATUSES, type Complaint, type ComplaintState } from './complaint.state.js';
import {
  COMPLAINT_CATEGORIES,
  maxSeverity,
  raiseSeverity,
  type ComplaintSeverity,
} from './complaint.values.js';

export function decideComplaint(command: ComplaintCommand, state: ComplaintState): ComplaintEvent[] {
  if (command.type === 'FileComplaint') {
    if (state) throw complaintAlreadyExists(command.complaintId);
    return decideFile(command);
  }
  if (!state) throw complaintNotFound(command.complaintId);
  // Timer commands are no-ops on a finished complaint, never errors: the timer may fire late.
  const timer = command.type === 'RecordSlaWarning' || command.type === 'RecordSlaBreach';
  const reopening = command.type === 'ReopenComplaint' && state.status === 'closed';
  if (!timer && !reopening && TERMINAL_STATUSES.includes(state.status)) throw complaintClosed(state.complaintId, state.status);

  switch (command.type) {
    case 'ClassifyComplaint':
      return decideClassify(command, state);
    case 'AssignComplaint':
      return decideAssign(command, state);
    case 'RecordFirstResponse':
      return decideFirstResponse(command, state);
    case 'EscalateComplaint':
      return decideEscalate(command, state);
    case 'ProposeSolution':
      return decideProposeSolution(command, state);
    case 'AcceptSolution':
      return decideAcceptSolution(command, state);
    case 'RejectSolution':
      return decideRejectSolution(command, state);
    case 'ResolveComplaint':
      return decideResolve(command, state);
    case 'CloseComplaint':
      return decideClose(command, state);
    case 'StartInvestigation':
      return decideStartInvestigation(command, state);
    case 'ReopenComplaint':
      return decideReopen(command, state);
    case 'InvalidateComplaint':
      return decideInvalidate(command, state);
    case 'RecordSlaWarning':
      return decideSlaWarning(command, state);
    case 'RecordSlaBreach':
      return decideSlaBreach(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

function requireKnownCategory(category: string | undefined): void {
  if (category !== undefined && !(COMPLAINT_CATEGORIES as readonly string[]).includes(category)) {
    throw unknownCategory(category);
  }
}

function repeatDetected(
  repeatOfComplaintId: string,
  severityRaisedTo: ComplaintSeverity,
  command: { now: string; actor: ComplaintActor },
): ComplaintRepeatDetected {
  return { type: 'ComplaintRepeatDetected', data: { repeatOfComplaintId, severityRaisedTo, ...stamp(command) } };
}

function decideFile(command: FileComplaint): ComplaintEvent[] {
  requireText(command.description, 'description');
  requireText(command.storeId, 'storeId');
  const hasCustomer = !!command.customer?.name?.trim() && !!command.customer?.mobile?.trim();
  if (!command.memberId?.trim() && !hasCustomer) throw customerInfoRequired();
  requireKnownCategory(command.category);
  const { sla } = command;
  const events: ComplaintEvent[] = [
    {
      type: 'ComplaintFiled',
      data: compact({
        complaintId: command.complaintId,
        complaintNo: command.complaintNo,
        channel: command.channel,
        source: command.source,
        storeId: command.storeId,
        regionId: command.regionId,
        memberId: command.memberId,
        customer: hasCustomer ? { name: command.customer!.name, mobile: command.customer!.mobile } : undefined,
        description: command.description,
        category: command.category,
        orderRef: command.orderRef,
        severity: 'P3' as const,
        escalationLevel: command.source === 'store' ? ('store_staff' as const) : ('hq_agent' as const),
        receivedAt: command.now,
        slaPolicyId: sla.policyId,
        slaPolicyVersion: sla.policyVersion,
        firstResponseDueAt: sla.firstResponseDueAt,
        firstResponseWarnAt: sla.firstResponseWarnAt,
        resolutionDueAt: sla.resolutionDueAt,
        resolutionWarnAt: sla.resolutionWarnAt,
        ...stamp(command),
      }),
    },
  ];
  // A repeat is one level above the earlier complaint's severity (at least P3), so P3 → P2 → P1.
  if (command.priorComplaint) {
    const raisedTo = raiseSeverity(maxSeverity('P3', command.priorComplaint.severity));
    events.push(repeatDetected(command.priorComplaint.complaintId, raisedTo, command));
  }
  return events;
}

function decideClassify(command: ClassifyComplaint, state: Complaint): ComplaintEvent[] {
  requireStatus(state, ['received', 'classified', 'assigned', 'reopened'], 'classify');
  requireKnownCategory(command.category);
  const events: ComplaintEvent[] = [
    { type: 'ComplaintClassified', data: { category: command.category, severity: command.severity, ...stamp(command) } },
  ];
  // Kept simple on purpose: a repeat found at classification raises the severity the agent chose by one level.
  const prior = command.priorComplaint;
  if (prior && !state.repeatOfComplaintId && prior.complaintId !== state.complaintId) {
    events.push(repeatDetected(prior.complaintId, raiseSeverity(command.severity), command));
  }
  return events;
}

function decideAssign(command: AssignComplaint, state: Complaint): ComplaintEvent[] {
  if (state.status === 'received') throw notClassified();
  requireStatus(state, ['classified', 'assigned', 'investigating', 'reopened', 'negotiating', 'solution_proposed'], 'assign');
  requireText(command.assigneeId, 'assigneeId');
  if (command.assigneeId === state.assigneeId) return [];
  return [
    {
      type: 'ComplaintAssigned',
      data: compact({
        assigneeId: command.assigneeId,
        assigneeName: command.assigneeName,
        previousAssigneeId: state.assigneeId,
        ...stamp(command),
      }),
    },
  ];
}

function decideInvalidate(command: InvalidateComplaint, state: Complaint): ComplaintEvent[] {
  requireStatus(state, ['received', 'classified', 'assigned', 'investigating'], 'invalidate');
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
