import type { Decider } from '@cs/eventstore';
import type { GiftCommand } from './gift.commands.js';
import { decideGift } from './gift.decide.js';
import type { GiftEvent } from './gift.events.js';
import { evolveGift } from './gift.evolve.js';
import { initialGiftState, type GiftState } from './gift.state.js';

export const GIFT_STREAM_TYPE = 'gift';
export const giftStreamId = (sku: string): string => `gift-${sku}`;

export const giftDecider: Decider<GiftState, GiftCommand, GiftEvent> = {
  decide: decideGift,
  evolve: evolveGift,
  initialState: initialGiftState,
};
