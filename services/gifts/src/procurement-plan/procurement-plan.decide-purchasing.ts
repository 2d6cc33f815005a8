import { duplicateSku, stamp } from '../shared/gifts-actor.js';
import type { OrderProcurementPlan, ReceiveProcurementGoods } from './procurement-plan.commands.js';
import {
  procurementPlanDuplicateLine,
  procurementPlanLinesRequired,
  procurementPlanLineUnknown,
  procurementPlanQuantityInvalid,
  procurementPlanReceiptExceedsPlan,
  procurementPlanTextRequired,
} from './procurement-plan.errors.js';
import type { ProcurementPlanEvent } from './procurement-plan.events.js';
import type { ProcurementPlan } from './procurement-plan.state.js';
import { outstanding } from './procurement-plan.values.js';

/** Administration placed the purchase order (行政进行采购). */
export function decideOrderProcurementPlan(command: OrderProcurementPlan): ProcurementPlanEvent[] {
  if (!command.purchaseOrderRef?.trim()) throw procurementPlanTextRequired('purchaseOrderRef');
  return [{ type: 'ProcurementPlanOrdered', data: { purchaseOrderRef: command.purchaseOrderRef, ...stamp(command) } }];
}

/** Goods in at HQ, possibly in several deliveries; never more than planned. */
export function decideReceiveProcurementGoods(command: ReceiveProcurementGoods, plan: ProcurementPlan): ProcurementPlanEvent[] {
  if (command.lines.length === 0) throw procurementPlanLinesRequired();
  const duplicate = duplicateSku(command.lines);
  if (duplicate) throw procurementPlanDuplicateLine(duplicate);
  const due = outstanding(plan.lines, plan.received);
  for (const line of command.lines) {
    if (due[line.sku] === undefined) throw procurementPlanLineUnknown(line.sku);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw procurementPlanQuantityInvalid(line.sku, line.quantity);
    if (line.quantity > due[line.sku]) throw procurementPlanReceiptExceedsPlan(line.sku, due[line.sku], line.quantity);
  }
  const complete = plan.lines.every((l) => (command.lines.find((r) => r.sku === l.sku)?.quantity ?? 0) === due[l.sku]);
  return [{ type: 'ProcurementGoodsReceived', data: { lines: command.lines.map(({ sku, quantity }) => ({ sku, quantity })), complete, ...stamp(command) } }];
}
