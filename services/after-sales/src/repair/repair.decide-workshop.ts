import { compact } from '@cs/eventstore';
import { requireText, stamp } from '../common/after-sales.guards.js';
import type { DiagnoseRepair, EscalateRepair, MarkReady, RecordQc, StartRepair } from './repair.commands.js';
import { quoteNotConfirmed, waybillRequired } from './repair.errors.js';
import type { RepairEvent } from './repair.events.js';
import type { Repair } from './repair.state.js';

/**
 * Diagnosis and the repair plan (R63). Free: a quality problem in warranty (R60) or a repair a
 * complaint granted. On site, the diagnosis is the visit: it stops the visit clock.
 */
export function decideDiagnose(command: DiagnoseRepair, state: Repair): RepairEvent[] {
  requireText(command.fault, 'fault');
  requireText(command.plan, 'plan');
  const warranty = command.warranty ?? state.warranty;
  const free = state.origin === 'complaint_compensation' || (warranty === 'in' && state.reason === 'quality');
  return [
    {
      type: 'RepairDiagnosed',
      data: compact({
        fault: command.fault,
        plan: command.plan,
        free,
        visitedAt: state.status === 'visit_scheduled' ? command.now : undefined,
        byTechCentre: state.status === 'escalated',
        ...stamp(command),
      }),
    },
  ];
}

/** 疑难问题提升: difficult problems go up to the technical centre, which diagnoses next. */
export function decideEscalate(command: EscalateRepair, _state: Repair): RepairEvent[] {
  requireText(command.reason, 'reason');
  return [{ type: 'RepairEscalated', data: { reason: command.reason, to: 'tech_centre', ...stamp(command) } }];
}

/** R79: a paid repair starts only after the quote was accepted. */
export function decideStart(command: StartRepair, state: Repair): RepairEvent[] {
  if (state.status === 'diagnosed' && !state.diagnosis?.free) throw quoteNotConfirmed();
  return [{ type: 'RepairStarted', data: compact({ technicianId: command.actor.id, note: command.note, ...stamp(command) }) }];
}

/** 质量检验: a failed check sends the item back to the bench. */
export function decideQc(command: RecordQc, _state: Repair): RepairEvent[] {
  return [{ type: 'RepairQcRecorded', data: compact({ passed: command.passed, notes: command.notes, ...stamp(command) }) }];
}

/** Ready for pickup, or shipped back for a mail-in repair; either stops the turnaround clock. */
export function decideReady(command: MarkReady, state: Repair): RepairEvent[] {
  if (state.serviceMode === 'mail_in') {
    if (!command.waybillNo?.trim()) throw waybillRequired();
    return [{ type: 'RepairReturnShipped', data: { readyAt: command.now, waybillNo: command.waybillNo, ...stamp(command) } }];
  }
  return [{ type: 'RepairReady', data: { readyAt: command.now, ...stamp(command) } }];
}
