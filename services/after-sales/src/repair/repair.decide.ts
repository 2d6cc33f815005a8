import type { RepairCommand } from './repair.commands.js';
import { decideBreach } from './repair.decide-clock.js';
import { decideCancel, decideClose, decideComplete } from './repair.decide-closing.js';
import { decideFile, decideReceive } from './repair.decide-intake.js';
import { decideAcceptQuote, decideDeclineQuote, decideQuote } from './repair.decide-quote.js';
import { decideDiagnose, decideEscalate, decideQc, decideReady, decideStart } from './repair.decide-workshop.js';
import { repairAlreadyExists, repairNotFound } from './repair.errors.js';
import type { RepairEvent } from './repair.events.js';
import { repairLifecycle } from './repair.lifecycle.js';
import type { RepairState } from './repair.state.js';

export function decideRepair(command: RepairCommand, state: RepairState): RepairEvent[] {
  if (command.type === 'FileRepair') {
    if (state) throw repairAlreadyExists(command.requestId);
    return decideFile(command);
  }
  if (!state) throw repairNotFound(command.requestId);
  repairLifecycle.require(command.type, state.status);

  switch (command.type) {
    case 'ReceiveRepairItem':
      return decideReceive(command, state);
    case 'DiagnoseRepair':
      return decideDiagnose(command, state);
    case 'EscalateRepair':
      return decideEscalate(command, state);
    case 'QuoteRepair':
      return decideQuote(command, state);
    case 'AcceptQuote':
      return decideAcceptQuote(command, state);
    case 'DeclineQuote':
      return decideDeclineQuote(command, state);
    case 'StartRepair':
      return decideStart(command, state);
    case 'RecordQc':
      return decideQc(command, state);
    case 'MarkReady':
      return decideReady(command, state);
    case 'CompleteRepair':
      return decideComplete(command, state);
    case 'CloseRepair':
      return decideClose(command, state);
    case 'CancelRepair':
      return decideCancel(command, state);
    case 'RecordRepairBreach':
      return decideBreach(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
