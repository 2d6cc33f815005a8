import type { StockCommand } from './stock.commands.js';
import { decideAdjustStock } from './stock.decide-counting.js';
import { decideRecordArrival, decideRecordInboundDispatch, decideReceiveStock, decideReverseIssuedStock } from './stock.decide-inbound.js';
import { decideDispatchStock, decideIssueStock, decideReserveStock, decideWriteOffStock } from './stock.decide-outbound.js';
import type { StockEvent } from './stock.events.js';
import { stockLifecycle } from './stock.lifecycle.js';
import { emptyStock, type StockState } from './stock.state.js';

export function decideStock(command: StockCommand, state: StockState): StockEvent[] {
  stockLifecycle.require(command.type, state?.status);
  const stock = state ?? emptyStock(command.locationId, command.sku);
  switch (command.type) {
    case 'ReceiveStock':
      return decideReceiveStock(command);
    case 'RecordInboundDispatch':
      return decideRecordInboundDispatch(command, stock);
    case 'RecordArrival':
      return decideRecordArrival(command, stock);
    case 'ReverseIssuedStock':
      return decideReverseIssuedStock(command);
    case 'ReserveStock':
      return decideReserveStock(command, stock);
    case 'DispatchStock':
      return decideDispatchStock(command, stock);
    case 'IssueStock':
      return decideIssueStock(command, stock);
    case 'WriteOffStock':
      return decideWriteOffStock(command, stock);
    case 'AdjustStock':
      return decideAdjustStock(command, stock);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
