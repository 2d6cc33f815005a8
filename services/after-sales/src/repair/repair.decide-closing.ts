import { compact } from '@cs/eventstore';
import { stamp } from '../common/after-sales.guards.js';
import type { CancelRepair, CloseRepair, CompleteRepair } from './repair.commands.js';
import { invalidSatisfaction, notReady } from './repair.errors.js';
import type { RepairEvent } from './repair.events.js';
import { chargeOf, type Repair } from './repair.state.js';

/** 注销叫修登记: a dealer or property-manager reporter is told the result (R72); the call-back is scheduled. */
export function decideComplete(command: CompleteRepair, state: Repair): RepairEvent[] {
  if (state.status === 'qc_passed' && state.serviceMode !== 'on_site') throw notReady();
  return [
    {
      type: 'RepairCompleted',
      data: compact({
        completedAt: command.now,
        reportedBy: state.reportedBy,
        notifyReporter: state.reportedBy !== 'end_user',
        charged: chargeOf(state),
        note: command.note,
        ...stamp(command),
      }),
    },
    { type: 'RepairCallbackScheduled', data: { dueAt: command.callbackDueAt, ...stamp(command) } },
  ];
}

export function decideClose(command: CloseRepair, _state: Repair): RepairEvent[] {
  const s = command.satisfaction;
  if (s !== undefined && (!Number.isInteger(s) || s < 1 || s > 5)) throw invalidSatisfaction(s);
  return [{ type: 'RepairClosed', data: compact({ note: command.note, satisfaction: s, ...stamp(command) }) }];
}

export function decideCancel(command: CancelRepair, _state: Repair): RepairEvent[] {
  return [{ type: 'RepairCancelled', data: compact({ reason: command.reason, ...stamp(command) }) }];
}
