import type { Decider } from '@cs/eventstore';
import type { RedemptionCommand } from './redemption.commands.js';
import { decideRedemption } from './redemption.decide.js';
import type { RedemptionEvent } from './redemption.events.js';
import { evolveRedemption } from './redemption.evolve.js';
import { initialRedemptionState, type RedemptionState } from './redemption.state.js';

export const REDEMPTION_STREAM_TYPE = 'redemption';

export function redemptionStreamId(redemptionId: string): string {
  return `${REDEMPTION_STREAM_TYPE}-${redemptionId}`;
}

export const redemptionDecider: Decider<RedemptionState, RedemptionCommand, RedemptionEvent> = {
  decide: decideRedemption,
  evolve: evolveRedemption,
  initialState: initialRedemptionState,
};
