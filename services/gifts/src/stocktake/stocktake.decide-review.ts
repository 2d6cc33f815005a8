import { compact } from '@cs/eventstore';
import { stamp, type GiftsActor } from '../shared/gifts-actor.js';
import type { ApproveStocktake, OrderRecount, SubmitStocktake } from './stocktake.commands.js';
import { stocktakeCountIncomplete, stocktakeEscalationNeedsCsManager, stocktakeReasonRequired, stocktakeVarianceReasonRequired } from './stocktake.errors.js';
import type { StocktakeEvent } from './stocktake.events.js';
import type { Stocktake } from './stocktake.state.js';
import { ESCALATION_ROLES, escalationOf, type VarianceLine } from './stocktake.values.js';

/** Uncounted SKUs with an empty book count as 0; any other uncounted SKU blocks the submission. */
function varianceLines(command: SubmitStocktake, stocktake: Stocktake): VarianceLine[] {
  const missing = stocktake.pinned.filter((p) => p.bookQty > 0 && !stocktake.counts[p.sku]).map((p) => p.sku);
  if (missing.length) throw stocktakeCountIncomplete(missing);
  return stocktake.pinned.map((p) => {
    const count = stocktake.counts[p.sku];
    const counted = count?.counted ?? 0;
    const variance = counted - p.bookQty;
    return compact({
      sku: p.sku,
      bookQty: p.bookQty,
      counted,
      variance,
      varianceValue: variance * p.unitCost,
      tolerance: p.tolerance,
      reason: variance !== 0 ? count?.reason : undefined,
      movementsDuringCount: command.movementsDuringCount[p.sku] ?? 0,
    });
  });
}

const adjustmentsOf = (lines: readonly VarianceLine[]) => lines.filter((l) => l.variance !== 0).map((l) => ({ sku: l.sku, delta: l.variance }));

/** No variance: confirmed at once. Beyond tolerance or theft suspected: escalated to the CS manager. */
export function decideSubmitStocktake(command: SubmitStocktake, stocktake: Stocktake): StocktakeEvent[] {
  const lines = varianceLines(command, stocktake);
  const unexplained = lines.filter((l) => l.variance !== 0 && !l.reason).map((l) => l.sku);
  if (unexplained.length) throw stocktakeVarianceReasonRequired(unexplained);
  const events: StocktakeEvent[] = [
    { type: 'StocktakeSubmitted', data: compact({ round: stocktake.round, lines, note: command.note, ...stamp(command) }) },
  ];
  if (lines.every((l) => l.variance === 0)) {
    events.push({ type: 'StocktakeConfirmed', data: { adjustments: [], ...stamp(command) } });
    return events;
  }
  const causes = lines.flatMap((l) => {
    const cause = escalationOf(l);
    return cause ? [{ sku: l.sku, cause }] : [];
  });
  if (causes.length) events.push({ type: 'StocktakeEscalated', data: { round: stocktake.round, causes, ...stamp(command) } });
  return events;
}

const handlesEscalations = (actor: GiftsActor) => (ESCALATION_ROLES as readonly string[]).includes(actor.role);

/** Within tolerance the location's manager or HQ approves; an escalated count only the CS manager. */
export function decideApproveStocktake(command: ApproveStocktake, stocktake: Stocktake): StocktakeEvent[] {
  if (stocktake.status === 'escalated' && !handlesEscalations(command.actor)) throw stocktakeEscalationNeedsCsManager('approve');
  return [{ type: 'StocktakeConfirmed', data: compact({ adjustments: adjustmentsOf(stocktake.variances ?? []), note: command.note, ...stamp(command) }) }];
}

/** The CS manager sends the count back; the earlier counts stay in the log. */
export function decideOrderRecount(command: OrderRecount, stocktake: Stocktake): StocktakeEvent[] {
  if (!handlesEscalations(command.actor)) throw stocktakeEscalationNeedsCsManager('order a recount of');
  if (!command.reason?.trim()) throw stocktakeReasonRequired();
  return [{ type: 'StocktakeRecountOrdered', data: { round: stocktake.round + 1, reason: command.reason, ...stamp(command) } }];
}
