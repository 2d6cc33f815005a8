import { defineLifecycle } from '@cs/eventstore';
import type { ProcurementPlanCommand } from './procurement-plan.commands.js';
import type { ProcurementPlanEvent } from './procurement-plan.events.js';
import type { ProcurementPlanStatus } from './procurement-plan.state.js';

/** 礼品采购需求计划: the general manager approves before anything is bought (R107). */
export const procurementPlanLifecycle = defineLifecycle<ProcurementPlanStatus, ProcurementPlanCommand, ProcurementPlanEvent>({
  name: 'procurement plan',
  statuses: ['draft', 'submitted', 'approved', 'rejected', 'ordered', 'partially_received', 'received'],
  terminal: ['received'],
  commands: {
    CreateProcurementPlan: 'create',
    ReviseProcurementPlan: ['draft', 'rejected'],
    SubmitProcurementPlan: ['draft'],
    ApproveProcurementPlan: ['submitted'],
    RejectProcurementPlan: ['submitted'],
    OrderProcurementPlan: ['approved'],
    ReceiveProcurementGoods: ['approved', 'ordered', 'partially_received'],
  },
  events: {
    ProcurementPlanCreated: 'draft',
    ProcurementPlanRevised: 'draft',
    ProcurementPlanSubmitted: 'submitted',
    ProcurementPlanApproved: 'approved',
    ProcurementPlanRejected: 'rejected',
    ProcurementPlanOrdered: 'ordered',
    ProcurementGoodsReceived: (_before, e) => (e.data.complete ? 'received' : 'partially_received'),
  },
});
