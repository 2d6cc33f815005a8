import { randomUUID } from 'node:crypto';
import { Injectable, Inject } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import {
  ApproveGiftRequestCommand,
  CreateGiftRequestRequest,
  DispatchGiftRequestCommand,
  DispatchNewStoreKitRequest,
  GiftsRpc,
  ReceiveGiftRequestCommand,
  RejectGiftRequestCommand,
  ResolveGiftDiscrepancyCommand,
  SubmitGiftRequestCommand,
} from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { canSeeRequest, notVisible } from '../app/gift-access.js';
import { minimumAt, requireGift } from '../app/catalogue-lookup.js';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { streams } from '../app/streams.js';
import type { UnitOfWork } from '../app/unit-of-work.js';
import type { GiftsConfig } from '../config/gifts.config.js';
import { GIFTS_CONFIG } from '../gifts.tokens.js';
import type { GiftRequestCommand } from '../gift-request/gift-request.commands.js';
import type { GiftRequestEvent } from '../gift-request/gift-request.events.js';
import type { GiftsActor } from '../shared/gifts-actor.js';
import { availableOf } from '../stock/stock.state.js';
import { HQ_LOCATION } from '../stock/stock.values.js';

interface Action {
  dto: ClassConstructor<{ requestId: string }>;
  type: Exclude<GiftRequestCommand['type'], 'CreateGiftRequest' | 'DispatchNewStoreKit' | 'MarkArrivalOverdue'>;
  /** Store-side actions are limited to the caller's store. */
  storeSide?: boolean;
}

export const REQUEST_ACTIONS: Record<string, Action> = {
  [GiftsRpc.SubmitGiftRequest]: { dto: SubmitGiftRequestCommand, type: 'SubmitGiftRequest', storeSide: true },
  [GiftsRpc.ApproveGiftRequest]: { dto: ApproveGiftRequestCommand, type: 'ApproveGiftRequest' },
  [GiftsRpc.RejectGiftRequest]: { dto: RejectGiftRequestCommand, type: 'RejectGiftRequest' },
  [GiftsRpc.DispatchGiftRequest]: { dto: DispatchGiftRequestCommand, type: 'DispatchGiftRequest' },
  [GiftsRpc.ReceiveGiftRequest]: { dto: ReceiveGiftRequestCommand, type: 'ReceiveGiftRequest', storeSide: true },
  [GiftsRpc.ResolveGiftDiscrepancy]: { dto: ResolveGiftDiscrepancyCommand, type: 'ResolveGiftDiscrepancy' },
};

/**
 * The request's events move the ledgers in the same unit: approval reserves at HQ, dispatch takes
 * HQ stock out and puts it in transit at the store, receipt takes the good units into the store.
 */
async function moveStock(unit: UnitOfWork, requestId: string, storeId: string, events: readonly GiftRequestEvent[], now: string, actor: GiftsActor): Promise<void> {
  const ref = { kind: 'gift_request' as const, id: requestId };
  for (const event of events) {
    switch (event.type) {
      case 'GiftRequestApproved':
        for (const line of event.data.lines.filter((l) => l.quantity > 0)) {
          const minimum = await minimumAt(unit, line.sku, HQ_LOCATION);
          await unit.decide(streams.stock(HQ_LOCATION, line.sku), { type: 'ReserveStock', locationId: HQ_LOCATION, sku: line.sku, ref, quantity: line.quantity, minimum, now, actor });
        }
        break;
      case 'GiftRequestDispatched':
      case 'NewStoreKitDispatched':
        for (const line of event.data.lines) {
          const minimum = await minimumAt(unit, line.sku, HQ_LOCATION);
          await unit.decide(streams.stock(HQ_LOCATION, line.sku), {
            type: 'DispatchStock',
            locationId: HQ_LOCATION,
            sku: line.sku,
            ref,
            quantity: line.quantity,
            toLocationId: storeId,
            minimum,
            now,
            actor,
          });
          await unit.decide(streams.stock(storeId, line.sku), {
            type: 'RecordInboundDispatch',
            locationId: storeId,
            sku: line.sku,
            ref,
            quantity: line.quantity,
            fromLocationId: HQ_LOCATION,
            now,
            actor,
          });
        }
        break;
      case 'GiftRequestReceived':
        for (const line of event.data.lines) {
          await unit.decide(streams.stock(storeId, line.sku), {
            type: 'RecordArrival',
            locationId: storeId,
            sku: line.sku,
            ref,
            received: line.received,
            damaged: line.damaged,
            now,
            actor,
          });
        }
        break;
      default:
        break;
    }
  }
}

@Injectable()
export class GiftRequestHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(GIFTS_CONFIG) private readonly config: GiftsConfig,
  ) {}

  async create(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireActor(ctx);
    const request = await validatePayload(CreateGiftRequestRequest, payload);
    this.org.requireStore(request.storeId);
    if (!this.org.canAccessStore(actor, request.storeId)) throw notVisible('store', request.storeId);
    const now = this.host.clock.now().toISOString();
    const requestId = randomUUID();
    const ref = streams.request(requestId);
    return runGiftsUnit(this.host, ctx, { id: requestId, streamId: ref.streamId }, now, async (unit) => {
      for (const line of request.lines) await requireGift(unit, line.sku);
      await unit.decide(ref, { type: 'CreateGiftRequest', requestId, ...request, now, actor: actorOf(actor) });
      return { status: 'draft' };
    }, request);
  }

  async dispatchKit(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(DispatchNewStoreKitRequest, payload);
    this.org.requireStore(request.storeId);
    const now = this.host.clock.now().toISOString();
    const requestId = randomUUID();
    const ref = streams.request(requestId);
    return runGiftsUnit(this.host, ctx, { id: requestId, streamId: ref.streamId }, now, async (unit) => {
      for (const line of request.lines) await requireGift(unit, line.sku);
      const events = await unit.decide(ref, {
        type: 'DispatchNewStoreKit',
        requestId,
        ...request,
        arrivalGraceMinutes: this.config.arrivalGraceMinutes,
        now,
        actor,
      });
      await moveStock(unit, requestId, request.storeId, events, now, actor);
      return { status: 'dispatched' };
    }, request);
  }

  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const action = REQUEST_ACTIONS[subject];
    const caller = requireActor(ctx);
    const actor = actorOf(caller);
    const request = await validatePayload(action.dto, payload);
    const { requestId, ...body } = request as { requestId: string } & Record<string, unknown>;
    const now = this.host.clock.now().toISOString();
    const ref = streams.request(requestId);
    return runGiftsUnit(this.host, ctx, { id: requestId, streamId: ref.streamId }, now, async (unit) => {
      const current = await unit.load(ref);
      const visible = current && (action.storeSide ? this.org.canAccessStore(caller, current.storeId) : canSeeRequest(this.org, caller, current.storeId));
      if (!current || !visible) throw notVisible('gift request', requestId);
      const extra: Record<string, unknown> = {};
      if (action.type === 'ApproveGiftRequest') {
        const hqAvailable: Record<string, number> = {};
        for (const line of current.lines) {
          const stock = await unit.load(streams.stock(HQ_LOCATION, line.sku));
          hqAvailable[line.sku] = stock ? availableOf(stock) : 0;
        }
        extra.hqAvailable = hqAvailable;
      }
      if (action.type === 'DispatchGiftRequest') extra.arrivalGraceMinutes = this.config.arrivalGraceMinutes;
      const events = await unit.decide(ref, { ...body, ...extra, type: action.type, requestId, now, actor } as GiftRequestCommand);
      await moveStock(unit, requestId, current.storeId, events, now, actor);
      return { status: (await unit.load(ref))?.status };
    }, request);
  }
}
