import { compact } from '@cs/eventstore';
import { stamp } from '../shared/gifts-actor.js';
import type { ApproveProcurementPlan, RejectProcurementPlan } from './procurement-plan.commands.js';
import { procurementPlanTextRequired } from './procurement-plan.errors.js';
import type { ProcurementPlanEvent } from './procurement-plan.events.js';

export function decideApproveProcurementPlan(command: ApproveProcurementPlan): ProcurementPlanEvent[] {
  return [{ type: 'ProcurementPlanApproved', data: compact({ comment: command.comment, ...stamp(command) }) }];
}

export function decideRejectProcurementPlan(command: RejectProcurementPlan): ProcurementPlanEvent[] {
  if (!command.reason?.trim()) throw procurementPlanTextRequired('reason');
  return [{ type: 'ProcurementPlanRejected', data: { reason: command.reason, ...stamp(command) } }];
}
