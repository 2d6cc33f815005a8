import { defineLifecycle, type DomainError } from '@cs/eventstore';
import type { RepairCommand, RepairCommandType } from './repair.commands.js';
import { notReady, quoteNotConfirmed } from './repair.errors.js';
import type { RepairEvent } from './repair.events.js';
import { REPAIR_STATUSES, type RepairStatus } from './repair.values.js';

/** Refusals that say what must come first: the customer's yes to the quote (R79), the work being done. */
function refuse(command: RepairCommandType, status: RepairStatus | undefined): DomainError | undefined {
  if (command === 'StartRepair' && status === 'quoted') return quoteNotConfirmed();
  if (command === 'CompleteRepair' && status === 'repairing') return notReady();
  return undefined;
}

export const repairLifecycle = defineLifecycle<RepairStatus, RepairCommand, RepairEvent>({
  name: 'repair',
  statuses: REPAIR_STATUSES,
  terminal: ['closed', 'returned_unrepaired', 'cancelled'],
  settled: ['completed', 'callback_pending'],
  commands: {
    FileRepair: 'create',
    ReceiveRepairItem: ['registered'],
    DiagnoseRepair: ['visit_scheduled', 'item_received', 'escalated'],
    EscalateRepair: ['item_received', 'visit_scheduled', 'diagnosed'],
    QuoteRepair: ['diagnosed'],
    AcceptQuote: ['quoted'],
    DeclineQuote: ['quoted'],
    StartRepair: ['diagnosed', 'quote_accepted'],
    RecordQc: ['repairing'],
    MarkReady: ['qc_passed'],
    CompleteRepair: ['qc_passed', 'ready', 'return_shipped'],
    CloseRepair: ['callback_pending'],
    CancelRepair: ['registered', 'visit_scheduled', 'item_received'],
    // the timer may fire in any status; the decider decides whether the clock still runs
    RecordRepairBreach: REPAIR_STATUSES,
  },
  events: {
    RepairRegistered: 'registered',
    RepairVisitScheduled: 'visit_scheduled',
    RepairItemReceived: 'item_received',
    RepairDiagnosed: 'diagnosed',
    RepairEscalated: 'escalated',
    RepairQuoted: 'quoted',
    RepairQuoteAccepted: 'quote_accepted',
    RepairQuoteDeclined: 'returned_unrepaired',
    RepairStarted: 'repairing',
    RepairQcRecorded: (_before, e) => (e.data.passed ? 'qc_passed' : 'repairing'),
    RepairReady: 'ready',
    RepairReturnShipped: 'return_shipped',
    RepairCompleted: 'completed',
    RepairCallbackScheduled: 'callback_pending',
    RepairClosed: 'closed',
    RepairCancelled: 'cancelled',
    RepairDeadlineBreached: 'unchanged',
  },
  refuse,
});
