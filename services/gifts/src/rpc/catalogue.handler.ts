import { Injectable } from '@nestjs/common';
import { DefineGiftRequest, UpdateGiftCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, ServiceHost, type CommandReply } from '@cs/nest-common';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { streams } from '../app/streams.js';

@Injectable()
export class CatalogueHandler {
  constructor(private readonly host: ServiceHost) {}

  async define(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(DefineGiftRequest, payload);
    const { sku, name, spec, unit: unitName, unitCost, pointsPrice, category, minStock, highValue, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const ref = streams.gift(sku);
    const thresholds = { hq: minStock.hq, store: minStock.store };
    return runGiftsUnit(this.host, ctx, { id: sku, streamId: ref.streamId }, now, async (unit) => {
      await unit.decide(ref, { type: 'DefineGift', sku, name, spec, unit: unitName, unitCost, pointsPrice, category, minStock: thresholds, highValue, now, actor });
      return {};
    }, request);
  }

  async update(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(UpdateGiftCommand, payload);
    const { giftSku, name, spec, unit: unitName, unitCost, pointsPrice, category, minStock, highValue, active, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const ref = streams.gift(giftSku);
    const thresholds = minStock && { hq: minStock.hq, store: minStock.store };
    return runGiftsUnit(this.host, ctx, { id: giftSku, streamId: ref.streamId }, now, async (unit) => {
      const command = { type: 'UpdateGift' as const, sku: giftSku, name, spec, unit: unitName, unitCost, pointsPrice, category, minStock: thresholds, highValue, active, now, actor };
      const events = await unit.decide(ref, command);
      return { changed: events.length > 0 };
    }, request);
  }
}
