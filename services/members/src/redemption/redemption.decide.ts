import type { RedemptionCommand } from './redemption.commands.js';
import {
  decideGiftIssued,
  decideGiftRefused,
  decideHoldConfirmed,
  decideHoldReleased,
  decideLateChargeRefused,
  decideTimeOut,
} from './redemption.decide-outcome.js';
import { decideHoldRefused, decidePointsHeld, decideRequest } from './redemption.decide-request.js';
import { redemptionAlreadyExists, redemptionNotFound } from './redemption.errors.js';
import type { RedemptionEvent } from './redemption.events.js';
import { redemptionLifecycle } from './redemption.lifecycle.js';
import type { RedemptionState } from './redemption.state.js';

export function decideRedemption(command: RedemptionCommand, state: RedemptionState): RedemptionEvent[] {
  if (command.type === 'RequestRedemption') {
    if (state) throw redemptionAlreadyExists(command.redemptionId);
    return decideRequest(command);
  }
  if (!state) throw redemptionNotFound(command.redemptionId);
  // the timer may fire after an answer arrived
  if (command.type === 'TimeOutRedemption' && !redemptionLifecycle.allows(command.type, state.status)) return [];
  redemptionLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'RecordPointsHeld':
      return decidePointsHeld(command, state);
    case 'RecordHoldRefused':
      return decideHoldRefused(command);
    case 'RecordGiftIssued':
      return decideGiftIssued(command, state);
    case 'RecordGiftRefused':
      return decideGiftRefused(command, state);
    case 'TimeOutRedemption':
      return decideTimeOut(command, state);
    case 'RecordHoldConfirmed':
      return decideHoldConfirmed(command, state);
    case 'RecordHoldReleased':
      return decideHoldReleased(command, state);
    case 'RecordLateChargeRefused':
      return decideLateChargeRefused(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
