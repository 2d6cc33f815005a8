import type { Actor } from '@cs/eventstore';
import { presentMobile } from '@cs/nest-common';
import type { RequestIntake } from '../common/after-sales.values.js';
import type { Repair } from '../repair/repair.state.js';
import { refundRemaining, type ReturnRequest } from '../return-request/return-request.state.js';
import { contactEntitled } from './after-sales-access.js';
import type { LoadedRequest } from './after-sales-stream.js';

function intakeView(r: RequestIntake & { requestId: string }, actor: Actor | undefined) {
  return {
    id: r.requestId,
    requestNo: r.requestNo ?? null,
    storeId: r.storeId,
    regionId: r.regionId ?? null,
    memberId: r.memberId ?? null,
    customer: r.customer ? { name: r.customer.name, mobile: presentMobile(r.customer.mobile, actor, contactEntitled(actor, r)) } : null,
    orderRef: r.orderRef ?? null,
    receivedAt: r.receivedOn ?? null,
    items: r.items,
    reason: r.reason,
    description: r.description,
    warranty: r.warranty,
    origin: r.origin,
    linkedComplaintId: r.linkedComplaintId ?? null,
    compensation: r.compensation ?? null,
  };
}

function returnView(r: ReturnRequest, actor: Actor | undefined) {
  return {
    ...intakeView(r, actor),
    type: r.type,
    status: r.status,
    policyVersion: r.policyVersion,
    windowEndsAt: r.windowEndsAt ?? null,
    dueAt: null,
    breached: false,
    goodsPresent: r.goodsPresent,
    refundCeiling: r.refundCeiling,
    refundedTotal: r.refundedTotal,
    refundRemaining: refundRemaining(r),
    refunds: r.refunds,
    approval: r.approval ?? null,
    rejection: r.rejection ? { ...r.rejection, windowEndsAt: r.rejection.reason === 'window_expired' ? (r.windowEndsAt ?? null) : null } : null,
    receipt: r.receipt ?? null,
    inspection: r.inspection ?? null,
    replacement: r.replacement ?? null,
    requestedAt: r.requestedAt,
    completedAt: r.completedAt ?? null,
    callbackDueAt: r.callbackDueAt ?? null,
    closedAt: r.closedAt ?? null,
    satisfaction: r.satisfaction ?? null,
    cancellation: r.cancellation ?? null,
    updatedAt: r.updatedAt,
  };
}

/** `dueAt` is the clock the repair runs against now: the visit, or the workshop turnaround. */
function repairView(p: Repair, actor: Actor | undefined, now: Date) {
  const clock = p.clock;
  const overdue = !!clock && (clock.breached || (!clock.stoppedAt && Date.parse(clock.dueAt) <= now.getTime()));
  return {
    ...intakeView(p, actor),
    type: 'repair' as const,
    status: p.status,
    policyVersion: clock?.policyVersion ?? p.policyVersion,
    windowEndsAt: p.windowEndsAt ?? null,
    serviceMode: p.serviceMode,
    reportedBy: p.reportedBy,
    units: p.units,
    visitAt: p.visitAt ?? null,
    dueAt: clock?.dueAt ?? null,
    clock: clock ?? null,
    breached: clock?.breached ?? false,
    overdue,
    receipt: p.receipt ?? null,
    diagnosis: p.diagnosis ?? null,
    escalation: p.escalation ?? null,
    quote: p.quote ?? null,
    technicianId: p.technicianId ?? null,
    qc: p.qc ?? null,
    readyAt: p.readyAt ?? null,
    returnWaybillNo: p.returnWaybillNo ?? null,
    requestedAt: p.registeredAt,
    completedAt: p.completedAt ?? null,
    callbackDueAt: p.callbackDueAt ?? null,
    closedAt: p.closedAt ?? null,
    satisfaction: p.satisfaction ?? null,
    cancellation: p.cancellation ?? null,
    updatedAt: p.updatedAt,
  };
}

/** The request as its caller may see it, with its version (the ETag). */
export function toAfterSalesView(loaded: LoadedRequest, actor: Actor | undefined, now: Date) {
  const view = loaded.kind === 'return' ? returnView(loaded.state, actor) : repairView(loaded.state, actor, now);
  return { ...view, version: loaded.version };
}
