import type { Decider } from '@cs/eventstore';
import type { StocktakeCommand } from './stocktake.commands.js';
import { decideStocktake } from './stocktake.decide.js';
import type { StocktakeEvent } from './stocktake.events.js';
import { evolveStocktake } from './stocktake.evolve.js';
import { initialStocktakeState, type StocktakeState } from './stocktake.state.js';

export const STOCKTAKE_STREAM_TYPE = 'gift-stocktake';
export const stocktakeStreamId = (stocktakeId: string): string => `gift-stocktake-${stocktakeId}`;

export const stocktakeDecider: Decider<StocktakeState, StocktakeCommand, StocktakeEvent> = {
  decide: decideStocktake,
  evolve: evolveStocktake,
  initialState: initialStocktakeState,
};
