import { Injectable } from '@nestjs/common';
import { DefineGiftRequest, UpdateGiftCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost, type CommandReply } from '@cs/nest-common';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { streams } from '../app/streams.js';

@Injectable()
export class CatalogueHandler {
  constructor(private readonly host: ServiceHost) {}

  async define(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(DefineGiftRequest, payload);
    const now = this.host.clock.now().toISOString();
    const ref = streams.gift(request.sku);
    return runGiftsUnit(this.host, ctx, { id: request.sku, streamId: ref.streamId }, now, async (unit) => {
      await unit.decide(ref, { type: 'DefineGift', ...request, now, actor });
      return {};
    }, request);
  }

  async update(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(UpdateGiftCommand, payload);
    const now = this.host.clock.now().toISOString();
    const { giftSku, ...changes } = request;
    const ref = streams.gift(giftSku);
    return runGiftsUnit(this.host, ctx, { id: giftSku, streamId: ref.streamId }, now, async (unit) => {
      const events = await unit.decide(ref, { type: 'UpdateGift', sku: giftSku, ...changes, now, actor });
      return { changed: events.length > 0 };
    }, request);
  }
}
