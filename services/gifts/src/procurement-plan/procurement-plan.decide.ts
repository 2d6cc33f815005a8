import type { ProcurementPlanCommand } from './procurement-plan.commands.js';
import { decideApproveProcurementPlan, decideRejectProcurementPlan } from './procurement-plan.decide-approval.js';
import { decideCreateProcurementPlan, decideReviseProcurementPlan, decideSubmitProcurementPlan } from './procurement-plan.decide-drafting.js';
import { decideOrderProcurementPlan, decideReceiveProcurementGoods } from './procurement-plan.decide-purchasing.js';
import { procurementPlanAlreadyExists, procurementPlanNotFound } from './procurement-plan.errors.js';
import type { ProcurementPlanEvent } from './procurement-plan.events.js';
import { procurementPlanLifecycle } from './procurement-plan.lifecycle.js';
import type { ProcurementPlanState } from './procurement-plan.state.js';

export function decideProcurementPlan(command: ProcurementPlanCommand, state: ProcurementPlanState): ProcurementPlanEvent[] {
  if (command.type === 'CreateProcurementPlan') {
    if (state) throw procurementPlanAlreadyExists(command.planId);
    return decideCreateProcurementPlan(command);
  }
  if (!state) throw procurementPlanNotFound(command.planId);
  procurementPlanLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'ReviseProcurementPlan':
      return decideReviseProcurementPlan(command, state);
    case 'SubmitProcurementPlan':
      return decideSubmitProcurementPlan(command);
    case 'ApproveProcurementPlan':
      return decideApproveProcurementPlan(command);
    case 'RejectProcurementPlan':
      return decideRejectProcurementPlan(command);
    case 'OrderProcurementPlan':
      return decideOrderProcurementPlan(command);
    case 'ReceiveProcurementGoods':
      return decideReceiveProcurementGoods(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
