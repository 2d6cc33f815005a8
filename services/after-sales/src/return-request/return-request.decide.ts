import type { ReturnRequestCommand } from './return-request.commands.js';
import { decideCancel, decideClose, decideComplete } from './return-request.decide-closing.js';
import { decideApprove, decideFile, decideReject } from './return-request.decide-eligibility.js';
import { decideInspect, decideReceive } from './return-request.decide-goods.js';
import { decideRefund, decideShipReplacement } from './return-request.decide-settlement.js';
import { returnRequestAlreadyExists, returnRequestNotFound } from './return-request.errors.js';
import type { ReturnRequestEvent } from './return-request.events.js';
import { returnRequestLifecycle } from './return-request.lifecycle.js';
import type { ReturnRequestState } from './return-request.state.js';

export function decideReturnRequest(command: ReturnRequestCommand, state: ReturnRequestState): ReturnRequestEvent[] {
  if (command.type === 'FileReturn') {
    if (state) throw returnRequestAlreadyExists(command.requestId);
    return decideFile(command);
  }
  if (!state) throw returnRequestNotFound(command.requestId);
  returnRequestLifecycle.require(command.type, state.status);

  switch (command.type) {
    case 'ApproveReturn':
      return decideApprove(command, state);
    case 'RejectReturn':
      return decideReject(command, state);
    case 'ReceiveReturnGoods':
      return decideReceive(command, state);
    case 'InspectReturn':
      return decideInspect(command, state);
    case 'IssueRefund':
      return decideRefund(command, state);
    case 'ShipReplacement':
      return decideShipReplacement(command, state);
    case 'CompleteReturn':
      return decideComplete(command, state);
    case 'CloseReturn':
      return decideClose(command, state);
    case 'CancelReturn':
      return decideCancel(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
