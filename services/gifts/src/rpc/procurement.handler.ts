import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import {
  ApproveProcurementPlanCommand,
  CreateProcurementPlanRequest,
  GiftsRpc,
  OrderProcurementPlanCommand,
  ProcurementPlanLineDto,
  ReceiveProcurementPlanCommand,
  RejectProcurementPlanCommand,
  ReviseProcurementPlanCommand,
  SubmitProcurementPlanCommand,
} from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, ServiceHost, type CommandReply } from '@cs/nest-common';
import { requireGift } from '../app/catalogue-lookup.js';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { rpcAction, skuLines, type CommandBody, type RpcAction } from '../app/request-mapping.js';
import { streams } from '../app/streams.js';
import type { ProcurementPlanCommand } from '../procurement-plan/procurement-plan.commands.js';
import type { ProcurementPlanLine } from '../procurement-plan/procurement-plan.values.js';
import { HQ_LOCATION } from '../stock/stock.values.js';

type PlanAction = RpcAction<{ planId: string }, ProcurementPlanCommand>;
const action = <R extends { planId: string }>(dto: ClassConstructor<R>, map: (r: R) => CommandBody<ProcurementPlanCommand>): PlanAction =>
  rpcAction<{ planId: string }, R, ProcurementPlanCommand>(dto, map);

function planLines(lines: readonly ProcurementPlanLineDto[]): ProcurementPlanLine[] {
  return lines.map(({ sku, quantity, estimatedUnitCost, basis, ...rest }) => {
    consumed(rest);
    return { sku, quantity, estimatedUnitCost, basis };
  });
}

/** Every plan action after drafting: RPC subject → request class → the domain command, field by field. */
export const PLAN_ACTIONS: Record<string, PlanAction> = {
  [GiftsRpc.ReviseProcurementPlan]: action(ReviseProcurementPlanCommand, ({ planId, period, lines, ...rest }) => {
    consumed(rest);
    return { type: 'ReviseProcurementPlan', planId, period, lines: planLines(lines) };
  }),
  [GiftsRpc.SubmitProcurementPlan]: action(SubmitProcurementPlanCommand, ({ planId, note, ...rest }) => {
    consumed(rest);
    return { type: 'SubmitProcurementPlan', planId, note };
  }),
  [GiftsRpc.ApproveProcurementPlan]: action(ApproveProcurementPlanCommand, ({ planId, comment, ...rest }) => {
    consumed(rest);
    return { type: 'ApproveProcurementPlan', planId, comment };
  }),
  [GiftsRpc.RejectProcurementPlan]: action(RejectProcurementPlanCommand, ({ planId, reason, ...rest }) => {
    consumed(rest);
    return { type: 'RejectProcurementPlan', planId, reason };
  }),
  [GiftsRpc.OrderProcurementPlan]: action(OrderProcurementPlanCommand, ({ planId, purchaseOrderRef, ...rest }) => {
    consumed(rest);
    return { type: 'OrderProcurementPlan', planId, purchaseOrderRef };
  }),
  [GiftsRpc.ReceiveProcurementPlan]: action(ReceiveProcurementPlanCommand, ({ planId, lines, ...rest }) => {
    consumed(rest);
    return { type: 'ReceiveProcurementGoods', planId, lines: skuLines(lines) };
  }),
};

@Injectable()
export class ProcurementHandler {
  constructor(private readonly host: ServiceHost) {}

  async create(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(CreateProcurementPlanRequest, payload);
    const { period, lines, note, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const planId = randomUUID();
    const ref = streams.plan(planId);
    return runGiftsUnit(this.host, ctx, { id: planId, streamId: ref.streamId }, now, async (unit) => {
      for (const line of lines) await requireGift(unit, line.sku);
      await unit.decide(ref, { type: 'CreateProcurementPlan', planId, period, lines: planLines(lines), note, now, actor });
      return { status: 'draft' };
    }, request);
  }

  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const action = PLAN_ACTIONS[subject];
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(action.dto, payload);
    const body = action.map(request);
    const planId = request.planId;
    const now = this.host.clock.now().toISOString();
    const ref = streams.plan(planId);
    return runGiftsUnit(this.host, ctx, { id: planId, streamId: ref.streamId }, now, async (unit) => {
      if (body.type === 'ReviseProcurementPlan') for (const line of body.lines) await requireGift(unit, line.sku);
      const events = await unit.decide(ref, { ...body, now, actor } as ProcurementPlanCommand);
      // goods in: HQ stock grows in the same transaction as the plan records the receipt
      for (const event of events) {
        if (event.type !== 'ProcurementGoodsReceived') continue;
        for (const line of event.data.lines) {
          await unit.decide(streams.stock(HQ_LOCATION, line.sku), {
            type: 'ReceiveStock',
            locationId: HQ_LOCATION,
            sku: line.sku,
            ref: { kind: 'procurement_plan', id: planId },
            quantity: line.quantity,
            now,
            actor,
          });
        }
      }
      return { status: (await unit.load(ref))?.status };
    }, request);
  }
}
