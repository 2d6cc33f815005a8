import { compact } from '@cs/eventstore';
import type { AssignComplaint, ClassifyComplaint, ComplaintActor, FileComplaint } from './complaint.commands.js';
import { customerInfoRequired, unknownCategory } from './complaint.errors.js';
import { stamp, type ComplaintEvent, type ComplaintRepeatDetected } from './complaint.events.js';
import type { Complaint } from './complaint.state.js';
import { COMPLAINT_CATEGORIES, maxSeverity, raiseSeverity, requireText, type ComplaintSeverity } from './complaint.values.js';

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

export function decideFileComplaint(command: FileComplaint): ComplaintEvent[] {
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

export function decideClassifyComplaint(command: ClassifyComplaint, state: Complaint): ComplaintEvent[] {
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

export function decideAssignComplaint(command: AssignComplaint, state: Complaint): ComplaintEvent[] {
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
