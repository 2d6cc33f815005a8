import type { Decider } from '@cs/eventstore';
import type { GiftRequestCommand } from './gift-request.commands.js';
import { decideGiftRequest } from './gift-request.decide.js';
import type { GiftRequestEvent } from './gift-request.events.js';
import { evolveGiftRequest } from './gift-request.evolve.js';
import { initialGiftRequestState, type GiftRequestState } from './gift-request.state.js';

export const GIFT_REQUEST_STREAM_TYPE = 'gift-request';
export const giftRequestStreamId = (requestId: string): string => `gift-request-${requestId}`;

export const giftRequestDecider: Decider<GiftRequestState, GiftRequestCommand, GiftRequestEvent> = {
  decide: decideGiftRequest,
  evolve: evolveGiftRequest,
  initialState: initialGiftRequestState,
};
