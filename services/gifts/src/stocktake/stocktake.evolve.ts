import type { StocktakeEvent } from './stocktake.events.js';
import { stocktakeLifecycle } from './stocktake.lifecycle.js';
import type { Stocktake, StocktakeState } from './stocktake.state.js';

function apply(stocktake: Stocktake, event: Exclude<StocktakeEvent, { type: 'StocktakeStarted' }>): Stocktake {
  switch (event.type) {
    case 'StocktakeCounted': {
      const counts = { ...stocktake.counts };
      for (const line of event.data.lines) counts[line.sku] = line;
      return { ...stocktake, counts };
    }
    case 'StocktakeSubmitted':
      return { ...stocktake, variances: event.data.lines };
    case 'StocktakeEscalated':
      return { ...stocktake, escalation: event.data.causes };
    case 'StocktakeRecountOrdered':
      return { ...stocktake, round: event.data.round, counts: {}, variances: undefined, escalation: undefined };
    case 'StocktakeConfirmed':
      return stocktake;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveStocktake(state: StocktakeState, event: StocktakeEvent): StocktakeState {
  const status = stocktakeLifecycle.statusAfter(event, state?.status);
  if (event.type === 'StocktakeStarted') {
    const { stocktakeId, locationId, locationKind, regionId, period, lines, at } = event.data;
    return { status, stocktakeId, locationId, locationKind, regionId, period, startedAt: at, round: 1, pinned: lines, counts: {} };
  }
  return state && { ...apply(state, event), status };
}
