import { defineLifecycle } from '@cs/eventstore';
import type { StocktakeCommand } from './stocktake.commands.js';
import type { StocktakeEvent } from './stocktake.events.js';
import type { StocktakeStatus } from './stocktake.state.js';

/** 盘点表: count against a pinned book, submit, adjust on approval; beyond tolerance goes to the CS manager. */
export const stocktakeLifecycle = defineLifecycle<StocktakeStatus, StocktakeCommand, StocktakeEvent>({
  name: 'stocktake',
  statuses: ['counting', 'submitted', 'escalated', 'confirmed'],
  terminal: ['confirmed'],
  commands: {
    StartStocktake: 'create',
    RecordStocktakeCounts: ['counting'],
    SubmitStocktake: ['counting'],
    ApproveStocktake: ['submitted', 'escalated'],
    OrderRecount: ['escalated'],
  },
  events: {
    StocktakeStarted: 'counting',
    StocktakeCounted: 'unchanged',
    StocktakeSubmitted: 'submitted',
    StocktakeEscalated: 'escalated',
    StocktakeRecountOrdered: 'counting',
    StocktakeConfirmed: 'confirmed',
  },
});
