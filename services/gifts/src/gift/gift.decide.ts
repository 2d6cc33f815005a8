import type { GiftCommand } from './gift.commands.js';
import { decideDefineGift, decideUpdateGift } from './gift.decide-catalogue.js';
import { giftAlreadyExists, giftNotFound } from './gift.errors.js';
import type { GiftEvent } from './gift.events.js';
import { giftLifecycle } from './gift.lifecycle.js';
import type { GiftState } from './gift.state.js';

export function decideGift(command: GiftCommand, state: GiftState): GiftEvent[] {
  if (command.type === 'DefineGift') {
    if (state) throw giftAlreadyExists(command.sku);
    return decideDefineGift(command);
  }
  if (!state) throw giftNotFound(command.sku);
  giftLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'UpdateGift':
      return decideUpdateGift(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
