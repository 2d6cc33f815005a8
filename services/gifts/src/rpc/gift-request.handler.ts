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
import { consumed, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { canSeeRequest, notVisible } from '../app/gift-access.js';
import { minimumAt, requireGift } from '../app/catalogue-lookup.js';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { rpcAction, skuLines, type CommandBody, type RpcAction } from '../app/request-mapping.js';
import { streams } from '../app/streams.js';
import type { UnitOfWork } from '../app/unit-of-work.js';
import type { GiftsConfig } from '../config/gifts.config.js';
import { GIFTS_CONFIG } from '../gifts.tokens.js';
import type { GiftRequestCommand } from '../gift-request/gift-request.commands.js';
import type { GiftRequestEvent } from '../gift-request/gift-request.events.js';
import type { GiftsActor } from '../shared/gifts-actor.js';
import { availableOf } from '../stock/stock.state.js';
import { HQ_LOCATION } from '../stock/stock.values.js';

/** Fields the handler reads from state and configuration, not from the request. */
type Added = 'hqAvailable' | 'arrivalGraceMinutes';
type RequestAction = RpcAction<{ requestId: string }, GiftRequestCommand, Added> & { storeSide?: boolean };
const action = <R extends { requestId: string }>(
  dto: ClassConstructor<R>,
  map: (r: R) => CommandBody<GiftRequestCommand, Added>,
  storeSide = false,
): RequestAction => ({ ...rpcAction<{ requestId: string }, R, GiftRequestCommand, Added>(dto, map), storeSide });

/** Every request action after creation; store-side ones are limited to the caller's store. */
export const REQUEST_ACTIONS: Record<string, RequestAction> = {
  [GiftsRpc.SubmitGiftRequest]: action(
    SubmitGiftRequestCommand,
    ({ requestId, note, ...rest }) => {
      consumed(rest);
      return { type: 'SubmitGiftRequest', requestId, note };
    },
    true,
  ),
  [GiftsRpc.ApproveGiftRequest]: action(ApproveGiftRequestCommand, ({ requestId, lines, comment, ...rest }) => {
    consumed(rest);
    return { type: 'ApproveGiftRequest', requestId, lines: skuLines(lines), comment };
  }),
  [GiftsRpc.RejectGiftRequest]: action(RejectGiftRequestCommand, ({ requestId, reason, ...rest }) => {
    consumed(rest);
    return { type: 'RejectGiftRequest', requestId, reason };
  }),
  [GiftsRpc.DispatchGiftRequest]: action(DispatchGiftRequestCommand, ({ requestId, expectedArrival, waybillNo, ...rest }) => {
    consumed(rest);
    return { type: 'DispatchGiftRequest', requestId, expectedArrival: new Date(expectedArrival).toISOString(), waybillNo };
  }),
  [GiftsRpc.ReceiveGiftRequest]: action(
    ReceiveGiftRequestCommand,
    ({ requestId, lines, note, ...rest }) => {
      consumed(rest);
      return {
        type: 'ReceiveGiftRequest',
        requestId,
        note,
        lines: lines.map(({ sku, received, damaged, ...more }) => {
          consumed(more);
          return { sku, received, damaged };
        }),
      };
    },
    true,
  ),
  [GiftsRpc.ResolveGiftDiscrepancy]: action(ResolveGiftDiscrepancyCommand, ({ requestId, resolution, ...rest }) => {
    consumed(rest);
    return { type: 'ResolveGiftDiscrepancy', requestId, resolution };
  }),
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
    const { storeId, purpose, lines, requestedDeliveryDate, note, ...rest } = request;
    consumed(rest);
    this.org.requireStore(storeId);
    if (!this.org.canAccessStore(actor, storeId)) throw notVisible('store', storeId);
    const now = this.host.clock.now().toISOString();
    const requestId = randomUUID();
    const ref = streams.request(requestId);
    return runGiftsUnit(this.host, ctx, { id: requestId, streamId: ref.streamId }, now, async (unit) => {
      for (const line of lines) await requireGift(unit, line.sku);
      await unit.decide(ref, { type: 'CreateGiftRequest', requestId, storeId, purpose, lines: skuLines(lines), requestedDeliveryDate, note, now, actor: actorOf(actor) });
      return { status: 'draft' };
    }, request);
  }

  async dispatchKit(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(DispatchNewStoreKitRequest, payload);
    const { storeId, lines, expectedArrival, waybillNo, ...rest } = request;
    consumed(rest);
    this.org.requireStore(storeId);
    const now = this.host.clock.now().toISOString();
    const requestId = randomUUID();
    const ref = streams.request(requestId);
    return runGiftsUnit(this.host, ctx, { id: requestId, streamId: ref.streamId }, now, async (unit) => {
      for (const line of lines) await requireGift(unit, line.sku);
      const events = await unit.decide(ref, {
        type: 'DispatchNewStoreKit',
        requestId,
        storeId,
        lines: skuLines(lines),
        expectedArrival: new Date(expectedArrival).toISOString(),
        waybillNo,
        arrivalGraceMinutes: this.config.arrivalGraceMinutes,
        now,
        actor,
      });
      await moveStock(unit, requestId, storeId, events, now, actor);
      return { status: 'dispatched' };
    }, request);
  }

  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const action = REQUEST_ACTIONS[subject];
    const caller = requireActor(ctx);
    const actor = actorOf(caller);
    const request = await validatePayload(action.dto, payload);
    const body = action.map(request);
    const requestId = request.requestId;
    const now = this.host.clock.now().toISOString();
    const ref = streams.request(requestId);
    return runGiftsUnit(this.host, ctx, { id: requestId, streamId: ref.streamId }, now, async (unit) => {
      const current = await unit.load(ref);
      const visible = current && (action.storeSide ? this.org.canAccessStore(caller, current.storeId) : canSeeRequest(this.org, caller, current.storeId));
      if (!current || !visible) throw notVisible('gift request', requestId);
      const extra: Record<string, unknown> = {};
      if (body.type === 'ApproveGiftRequest') {
        const hqAvailable: Record<string, number> = {};
        for (const line of current.lines) {
          const stock = await unit.load(streams.stock(HQ_LOCATION, line.sku));
          hqAvailable[line.sku] = stock ? availableOf(stock) : 0;
        }
        extra.hqAvailable = hqAvailable;
      }
      if (body.type === 'DispatchGiftRequest') extra.arrivalGraceMinutes = this.config.arrivalGraceMinutes;
      const events = await unit.decide(ref, { ...body, ...extra, now, actor } as GiftRequestCommand);
      await moveStock(unit, requestId, current.storeId, events, now, actor);
      return { status: (await unit.load(ref))?.status };
    }, request);
  }
}
