import type { GiftRequestCommand } from './gift-request.commands.js';
import { decideReceiveGiftRequest, decideResolveGiftDiscrepancy } from './gift-request.decide-receiving.js';
import { decideApproveGiftRequest, decideCreateGiftRequest, decideRejectGiftRequest, decideSubmitGiftRequest } from './gift-request.decide-requesting.js';
import { decideDispatchGiftRequest, decideDispatchNewStoreKit, decideMarkArrivalOverdue } from './gift-request.decide-shipping.js';
import { giftRequestAlreadyExists, giftRequestNotFound } from './gift-request.errors.js';
import type { GiftRequestEvent } from './gift-request.events.js';
import { giftRequestLifecycle } from './gift-request.lifecycle.js';
import type { GiftRequestState } from './gift-request.state.js';

export function decideGiftRequest(command: GiftRequestCommand, state: GiftRequestState): GiftRequestEvent[] {
  if (command.type === 'CreateGiftRequest' || command.type === 'DispatchNewStoreKit') {
    if (state) throw giftRequestAlreadyExists(command.requestId);
    return command.type === 'CreateGiftRequest' ? decideCreateGiftRequest(command) : decideDispatchNewStoreKit(command);
  }
  if (!state) throw giftRequestNotFound(command.requestId);
  giftRequestLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'SubmitGiftRequest':
      return decideSubmitGiftRequest(command);
    case 'ApproveGiftRequest':
      return decideApproveGiftRequest(command, state);
    case 'RejectGiftRequest':
      return decideRejectGiftRequest(command);
    case 'DispatchGiftRequest':
      return decideDispatchGiftRequest(command, state);
    case 'MarkArrivalOverdue':
      return decideMarkArrivalOverdue(command, state);
    case 'ReceiveGiftRequest':
      return decideReceiveGiftRequest(command, state);
    case 'ResolveGiftDiscrepancy':
      return decideResolveGiftDiscrepancy(command);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
