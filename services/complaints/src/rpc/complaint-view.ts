import type { Actor } from '@cs/eventstore';
import type { Complaint } from '../complaint/complaint.state.js';
import { presentMobile } from '@cs/nest-common';
import type { MemberDirectoryRow } from '../inbound/member-directory/member-directory.entity.js';
import { contactEntitled } from './complaint-access.js';

/**
 * The complaint as staff see it, with the SLA state and the member as complaints knows it from
 * members' events. The customer's mobile is masked except for the assignee of an open case, a
 * manager, or the customer (§1.7.6).
 */
export function toComplaintView(c: Complaint, version: number, actor: Actor | undefined, member: MemberDirectoryRow | null) {
  const entitled = contactEntitled(c, actor);
  return {
    id: c.complaintId,
    complaintNo: c.complaintNo ?? null,
    status: c.status,
    channel: c.channel,
    source: c.source,
    storeId: c.storeId,
    regionId: c.regionId ?? null,
    memberId: c.memberId ?? null,
    member: member ? { id: member.memberId, memberNo: member.memberNo, name: member.name, status: member.status, tier: member.tier } : null,
    customer: c.customer ? { name: c.customer.name, mobile: presentMobile(c.customer.mobile, actor, entitled) } : null,
    description: c.description,
    category: c.category ?? null,
    severity: c.severity,
    orderRef: c.orderRef ?? null,
    assigneeId: c.assigneeId ?? null,
    assigneeName: c.assigneeName ?? null,
    escalationLevel: c.escalationLevel,
    repeatOfComplaintId: c.repeatOfComplaintId ?? null,
    firstResponse: c.firstResponseMessage ? { message: c.firstResponseMessage, at: c.sla.firstRespondedAt } : null,
    solutions: c.solutions,
    outcome: c.outcome ?? null,
    satisfaction: c.satisfaction ?? null,
    callbackOutcome: c.callbackOutcome ?? null,
    investigation: c.investigation ?? null,
    invalidation: c.invalidation ?? null,
    reopenCount: c.reopenCount,
    promises: c.promises,
    mergedInto: c.mergedInto ?? null,
    mergedCases: c.mergedCases,
    splitFromComplaintId: c.splitFromComplaintId ?? null,
    splitOff: c.splitOff,
    callbackState: c.callbackState ?? null,
    receivedAt: c.receivedAt,
    resolvedAt: c.resolvedAt ?? null,
    closedAt: c.closedAt ?? null,
    sla: {
      policyId: c.sla.policyId,
      policyVersion: c.sla.policyVersion,
      overriddenFrom: c.slaPolicyOverride?.derivedPolicyId ?? null,
      firstResponseDueAt: c.sla.firstResponseDueAt,
      resolutionDueAt: c.sla.resolutionDueAt,
      firstResponseWarnAt: c.sla.firstResponseWarnAt,
      resolutionWarnAt: c.sla.resolutionWarnAt,
      firstRespondedAt: c.sla.firstRespondedAt ?? null,
      firstResponseBreached: c.sla.firstResponseBreached,
      resolutionBreached: c.sla.resolutionBreached,
      breached: c.sla.firstResponseBreached || c.sla.resolutionBreached,
      warnings: c.sla.warnings,
    },
    updatedAt: c.updatedAt,
    version,
  };
}
