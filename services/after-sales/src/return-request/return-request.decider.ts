import type { Decider } from '@cs/eventstore';
import type { ReturnRequestCommand } from './return-request.commands.js';
import { decideReturnRequest } from './return-request.decide.js';
import type { ReturnRequestEvent } from './return-request.events.js';
import { evolveReturnRequest } from './return-request.evolve.js';
import { initialReturnRequestState, type ReturnRequestState } from './return-request.state.js';

export const RETURN_REQUEST_STREAM_TYPE = 'return-request';

export function returnRequestStreamId(requestId: string): string {
  return `${RETURN_REQUEST_STREAM_TYPE}-${requestId}`;
}

export const returnRequestDecider: Decider<ReturnRequestState, ReturnRequestCommand, ReturnRequestEvent> = {
  decide: decideReturnRequest,
  evolve: evolveReturnRequest,
  initialState: initialReturnRequestState,
};
