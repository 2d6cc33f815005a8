import type { ProcurementPlanEvent } from './procurement-plan.events.js';
import { procurementPlanLifecycle } from './procurement-plan.lifecycle.js';
import type { ProcurementPlan, ProcurementPlanState } from './procurement-plan.state.js';

function apply(plan: ProcurementPlan, event: Exclude<ProcurementPlanEvent, { type: 'ProcurementPlanCreated' }>): ProcurementPlan {
  switch (event.type) {
    case 'ProcurementPlanRevised':
      return { ...plan, period: event.data.period, lines: event.data.lines, approval: undefined };
    case 'ProcurementPlanSubmitted':
      return plan;
    case 'ProcurementPlanApproved':
      return { ...plan, approval: { by: event.data.by, at: event.data.at, decision: 'approved', comment: event.data.comment } };
    case 'ProcurementPlanRejected':
      return { ...plan, approval: { by: event.data.by, at: event.data.at, decision: 'rejected', comment: event.data.reason } };
    case 'ProcurementPlanOrdered':
      return { ...plan, purchaseOrderRef: event.data.purchaseOrderRef };
    case 'ProcurementGoodsReceived': {
      const received = { ...plan.received };
      for (const line of event.data.lines) received[line.sku] = (received[line.sku] ?? 0) + line.quantity;
      return { ...plan, received };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveProcurementPlan(state: ProcurementPlanState, event: ProcurementPlanEvent): ProcurementPlanState {
  const status = procurementPlanLifecycle.statusAfter(event, state?.status);
  if (event.type === 'ProcurementPlanCreated') {
    const { planId, period, lines, by } = event.data;
    return { status, planId, period, lines, preparedBy: by, received: {} };
  }
  return state && { ...apply(state, event), status };
}
