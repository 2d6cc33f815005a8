import type { Decider } from '@cs/eventstore';
import type { ProcurementPlanCommand } from './procurement-plan.commands.js';
import { decideProcurementPlan } from './procurement-plan.decide.js';
import type { ProcurementPlanEvent } from './procurement-plan.events.js';
import { evolveProcurementPlan } from './procurement-plan.evolve.js';
import { initialProcurementPlanState, type ProcurementPlanState } from './procurement-plan.state.js';

export const PROCUREMENT_PLAN_STREAM_TYPE = 'gift-procurement-plan';
export const procurementPlanStreamId = (planId: string): string => `gift-procurement-plan-${planId}`;

export const procurementPlanDecider: Decider<ProcurementPlanState, ProcurementPlanCommand, ProcurementPlanEvent> = {
  decide: decideProcurementPlan,
  evolve: evolveProcurementPlan,
  initialState: initialProcurementPlanState,
};
