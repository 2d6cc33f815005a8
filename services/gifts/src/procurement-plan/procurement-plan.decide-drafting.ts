import { compact } from '@cs/eventstore';
import { duplicateSku, stamp } from '../shared/gifts-actor.js';
import type { CreateProcurementPlan, ReviseProcurementPlan, SubmitProcurementPlan } from './procurement-plan.commands.js';
import { procurementPlanDuplicateLine, procurementPlanLinesRequired, procurementPlanQuantityInvalid } from './procurement-plan.errors.js';
import type { ProcurementPlanEvent } from './procurement-plan.events.js';
import type { ProcurementPlan } from './procurement-plan.state.js';
import type { ProcurementPlanLine } from './procurement-plan.values.js';

export function requirePlanLines(lines: readonly ProcurementPlanLine[]): void {
  if (lines.length === 0) throw procurementPlanLinesRequired();
  const duplicate = duplicateSku(lines);
  if (duplicate) throw procurementPlanDuplicateLine(duplicate);
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw procurementPlanQuantityInvalid(line.sku, line.quantity);
  }
}

const cleanLines = (lines: readonly ProcurementPlanLine[]) => lines.map((l) => compact({ ...l }));

export function decideCreateProcurementPlan(command: CreateProcurementPlan): ProcurementPlanEvent[] {
  requirePlanLines(command.lines);
  return [
    {
      type: 'ProcurementPlanCreated',
      data: compact({ planId: command.planId, period: command.period, lines: cleanLines(command.lines), note: command.note, ...stamp(command) }),
    },
  ];
}

/** A draft, or a plan the general manager rejected, gets new lines and goes back to draft. */
export function decideReviseProcurementPlan(command: ReviseProcurementPlan, plan: ProcurementPlan): ProcurementPlanEvent[] {
  requirePlanLines(command.lines);
  return [{ type: 'ProcurementPlanRevised', data: { period: command.period ?? plan.period, lines: cleanLines(command.lines), ...stamp(command) } }];
}

export function decideSubmitProcurementPlan(command: SubmitProcurementPlan): ProcurementPlanEvent[] {
  return [{ type: 'ProcurementPlanSubmitted', data: compact({ note: command.note, ...stamp(command) }) }];
}
