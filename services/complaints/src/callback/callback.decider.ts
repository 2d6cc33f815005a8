import type { Decider } from '@cs/eventstore';
import type { CallbackCommand } from './callback.commands.js';
import { decideCallback } from './callback.decide.js';
import type { CallbackEvent } from './callback.events.js';
import { evolveCallback } from './callback.evolve.js';
import { initialCallbackState, type CallbackState } from './callback.state.js';

export const CALLBACK_STREAM_TYPE = 'callback';

export const callbackStreamId = (callbackId: string): string => `${CALLBACK_STREAM_TYPE}-${callbackId}`;

export const callbackDecider: Decider<CallbackState, CallbackCommand, CallbackEvent> = {
  decide: decideCallback,
  evolve: evolveCallback,
  initialState: initialCallbackState,
};
