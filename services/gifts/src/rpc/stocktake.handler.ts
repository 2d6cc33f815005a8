import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { ApproveStocktakeCommand, GiftsRpc, OrderRecountCommand, RecordStocktakeCountsCommand, StartStocktakeRequest, SubmitStocktakeCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { minimumAt } from '../app/catalogue-lookup.js';
import { canUseLocation, locationForbidden, notVisible, requireLocation } from '../app/gift-access.js';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { rpcAction, type CommandBody, type RpcAction } from '../app/request-mapping.js';
import { streams } from '../app/streams.js';
import { giftStream } from './gift-stream.js';
import type { UnitOfWork } from '../app/unit-of-work.js';
import { periodOf, type GiftsConfig } from '../config/gifts.config.js';
import { GIFTS_CONFIG } from '../gifts.tokens.js';
import { locationKindOf } from '../stock/stock.values.js';
import type { StocktakeCommand } from '../stocktake/stocktake.commands.js';
import type { GiftsActor } from '../shared/gifts-actor.js';

type StocktakeAction = RpcAction<{ stocktakeId: string }, StocktakeCommand, 'movementsDuringCount'>;
const action = <R extends { stocktakeId: string }>(dto: ClassConstructor<R>, map: (r: R) => CommandBody<StocktakeCommand, 'movementsDuringCount'>): StocktakeAction =>
  rpcAction<{ stocktakeId: string }, R, StocktakeCommand, 'movementsDuringCount'>(dto, map);

export const STOCKTAKE_ACTIONS: Record<string, StocktakeAction> = {
  [GiftsRpc.RecordStocktakeCounts]: action(RecordStocktakeCountsCommand, ({ stocktakeId, lines, ...rest }) => {
    consumed(rest);
    return {
      type: 'RecordStocktakeCounts',
      stocktakeId,
      lines: lines.map(({ sku, counted, reason, ...more }) => {
        consumed(more);
        return { sku, counted, reason };
      }),
    };
  }),
  [GiftsRpc.SubmitStocktake]: action(SubmitStocktakeCommand, ({ stocktakeId, note, ...rest }) => {
    consumed(rest);
    return { type: 'SubmitStocktake', stocktakeId, note };
  }),
  [GiftsRpc.ApproveStocktake]: action(ApproveStocktakeCommand, ({ stocktakeId, note, ...rest }) => {
    consumed(rest);
    return { type: 'ApproveStocktake', stocktakeId, note };
  }),
  [GiftsRpc.OrderRecount]: action(OrderRecountCommand, ({ stocktakeId, reason, ...rest }) => {
    consumed(rest);
    return { type: 'OrderRecount', stocktakeId, reason };
  }),
};

@Injectable()
export class StocktakeHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(GIFTS_CONFIG) private readonly config: GiftsConfig,
  ) {}

  /**
   * Every SKU of the catalogue, from the log's stream index (read-your-writes: a gift defined a
   * moment ago is counted too, whatever the projections' lag).
   */
  private async catalogueSkus(): Promise<string[]> {
    const prefix = giftStream.streamId('');
    const { rows } = await this.host.pool.query<{ stream_id: string }>('select stream_id from es_streams where stream_type = $1 order by stream_id', [giftStream.streamType]);
    return rows.map((r) => r.stream_id.slice(prefix.length));
  }

  async start(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const caller = requireActor(ctx);
    const request = await validatePayload(StartStocktakeRequest, payload);
    const { locationId, ...rest } = request;
    consumed(rest);
    requireLocation(this.org, locationId);
    if (!canUseLocation(this.org, caller, locationId)) throw locationForbidden(locationId);
    const now = this.host.clock.now().toISOString();
    const stocktakeId = randomUUID();
    const skus = await this.catalogueSkus();
    const ref = streams.stocktake(stocktakeId);
    return runGiftsUnit(this.host, ctx, { id: stocktakeId, streamId: ref.streamId }, now, async (unit) => {
      const book = [];
      for (const sku of skus) {
        const gift = await unit.load(streams.gift(sku));
        const stockRef = streams.stock(locationId, sku);
        const stock = await unit.load(stockRef);
        // an inactive gift is counted only where a ledger of it exists
        if (gift?.status !== 'active' && !stock) continue;
        book.push({ sku, bookQty: stock?.onHand ?? 0, pinnedVersion: unit.version(stockRef.streamId), unitCost: gift?.unitCost ?? 0, highValue: gift?.highValue ?? false });
      }
      await unit.decide(ref, {
        type: 'StartStocktake',
        stocktakeId,
        locationId: locationId,
        locationKind: locationKindOf(locationId),
        regionId: this.org.regionOf(locationId),
        period: periodOf(now, this.config.timeZone),
        book,
        tolerance: this.config.tolerance,
        now,
        actor: actorOf(caller),
      });
      return { status: 'counting', lines: book.length };
    }, request);
  }

  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const action = STOCKTAKE_ACTIONS[subject];
    const caller = requireActor(ctx);
    const actor = actorOf(caller);
    const request = await validatePayload(action.dto, payload);
    const body = action.map(request);
    const stocktakeId = request.stocktakeId;
    const now = this.host.clock.now().toISOString();
    const ref = streams.stocktake(stocktakeId);
    return runGiftsUnit(this.host, ctx, { id: stocktakeId, streamId: ref.streamId }, now, async (unit) => {
      const stocktake = await unit.load(ref);
      if (!stocktake || !canUseLocation(this.org, caller, stocktake.locationId)) throw notVisible('stocktake', stocktakeId);
      const extra: Record<string, unknown> = {};
      if (body.type === 'SubmitStocktake') {
        // what moved since the pin is reported beside the variance, never folded into it
        const movements: Record<string, number> = {};
        for (const line of stocktake.pinned) {
          const stock = await unit.load(streams.stock(stocktake.locationId, line.sku));
          movements[line.sku] = (stock?.onHand ?? 0) - line.bookQty;
        }
        extra.movementsDuringCount = movements;
      }
      const events = await unit.decide(ref, { ...body, ...extra, now, actor } as StocktakeCommand);
      for (const event of events) {
        if (event.type === 'StocktakeConfirmed') await this.adjust(unit, stocktake.locationId, stocktakeId, event.data.adjustments, now, actor);
      }
      return { status: (await unit.load(ref))?.status };
    }, request);
  }

  /** Approved variances become adjustments of the live ledger, so movements during the count stay. */
  private async adjust(unit: UnitOfWork, locationId: string, stocktakeId: string, adjustments: Array<{ sku: string; delta: number }>, now: string, actor: GiftsActor) {
    for (const { sku, delta } of adjustments) {
      const minimum = await minimumAt(unit, sku, locationId);
      await unit.decide(streams.stock(locationId, sku), { type: 'AdjustStock', locationId, sku, ref: { kind: 'stocktake', id: stocktakeId }, delta, minimum, now, actor });
    }
  }
}
