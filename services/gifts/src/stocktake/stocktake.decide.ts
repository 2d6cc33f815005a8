import type { StocktakeCommand } from './stocktake.commands.js';
import { decideRecordStocktakeCounts, decideStartStocktake } from './stocktake.decide-counting.js';
import { decideApproveStocktake, decideOrderRecount, decideSubmitStocktake } from './stocktake.decide-review.js';
import { stocktakeAlreadyExists, stocktakeNotFound } from './stocktake.errors.js';
import type { StocktakeEvent } from './stocktake.events.js';
import { stocktakeLifecycle } from './stocktake.lifecycle.js';
import type { StocktakeState } from './stocktake.state.js';

export function decideStocktake(command: StocktakeCommand, state: StocktakeState): StocktakeEvent[] {
  if (command.type === 'StartStocktake') {
    if (state) throw stocktakeAlreadyExists(command.stocktakeId);
    return decideStartStocktake(command);
  }
  if (!state) throw stocktakeNotFound(command.stocktakeId);
  stocktakeLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'RecordStocktakeCounts':
      return decideRecordStocktakeCounts(command, state);
    case 'SubmitStocktake':
      return decideSubmitStocktake(command, state);
    case 'ApproveStocktake':
      return decideApproveStocktake(command, state);
    case 'OrderRecount':
      return decideOrderRecount(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
