import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import {
  ApproveProcurementPlanCommand,
  CreateProcurementPlanRequest,
  GiftsRpc,
  OrderProcurementPlanCommand,
  ReceiveProcurementPlanCommand,
  RejectProcurementPlanCommand,
  ReviseProcurementPlanCommand,
  SubmitProcurementPlanCommand,
} from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost, type CommandReply } from '@cs/nest-common';
import { requireGift } from '../app/catalogue-lookup.js';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { streams } from '../app/streams.js';
import type { ProcurementPlanCommand } from '../procurement-plan/procurement-plan.commands.js';
import { HQ_LOCATION } from '../stock/stock.values.js';

interface Action {
  dto: ClassConstructor<{ planId: string }>;
  type: Exclude<ProcurementPlanCommand['type'], 'CreateProcurementPlan'>;
}

/** Every plan action after drafting: RPC subject → request class → domain command. */
export const PLAN_ACTIONS: Record<string, Action> = {
  [GiftsRpc.ReviseProcurementPlan]: { dto: ReviseProcurementPlanCommand, type: 'ReviseProcurementPlan' },
  [GiftsRpc.SubmitProcurementPlan]: { dto: SubmitProcurementPlanCommand, type: 'SubmitProcurementPlan' },
  [GiftsRpc.ApproveProcurementPlan]: { dto: ApproveProcurementPlanCommand, type: 'ApproveProcurementPlan' },
  [GiftsRpc.RejectProcurementPlan]: { dto: RejectProcurementPlanCommand, type: 'RejectProcurementPlan' },
  [GiftsRpc.OrderProcurementPlan]: { dto: OrderProcurementPlanCommand, type: 'OrderProcurementPlan' },
  [GiftsRpc.ReceiveProcurementPlan]: { dto: ReceiveProcurementPlanCommand, type: 'ReceiveProcurementGoods' },
};

@Injectable()
export class ProcurementHandler {
  constructor(private readonly host: ServiceHost) {}

  async create(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(CreateProcurementPlanRequest, payload);
    const now = this.host.clock.now().toISOString();
    const planId = randomUUID();
    const ref = streams.plan(planId);
    return runGiftsUnit(this.host, ctx, { id: planId, streamId: ref.streamId }, now, async (unit) => {
      for (const line of request.lines) await requireGift(unit, line.sku);
      await unit.decide(ref, { type: 'CreateProcurementPlan', planId, ...request, now, actor });
      return { status: 'draft' };
    }, request);
  }

  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const action = PLAN_ACTIONS[subject];
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(action.dto, payload);
    const { planId, ...body } = request as { planId: string } & Record<string, unknown>;
    const now = this.host.clock.now().toISOString();
    const ref = streams.plan(planId);
    return runGiftsUnit(this.host, ctx, { id: planId, streamId: ref.streamId }, now, async (unit) => {
      if (action.type === 'ReviseProcurementPlan') for (const line of (body.lines as Array<{ sku: string }>) ?? []) await requireGift(unit, line.sku);
      const events = await unit.decide(ref, { ...body, type: action.type, planId, now, actor } as ProcurementPlanCommand);
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
