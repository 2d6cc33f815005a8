import type { Decider } from '@cs/eventstore';
import type { IssuanceCommand } from './issuance.commands.js';
import { decideIssuance } from './issuance.decide.js';
import type { IssuanceEvent } from './issuance.events.js';
import { evolveIssuance } from './issuance.evolve.js';
import { initialIssuanceState, type IssuanceState } from './issuance.state.js';

export const ISSUANCE_STREAM_TYPE = 'gift-issuance';
export const issuanceStreamId = (issuanceId: string): string => `gift-issuance-${issuanceId}`;

export const issuanceDecider: Decider<IssuanceState, IssuanceCommand, IssuanceEvent> = {
  decide: decideIssuance,
  evolve: evolveIssuance,
  initialState: initialIssuanceState,
};
