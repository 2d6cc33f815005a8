import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IssueGiftRequest, ReverseIssuanceCommand, WriteOffStockRequest } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { minimumAt, requireGift } from '../app/catalogue-lookup.js';
import { canUseLocation, locationForbidden, notVisible, requireLocation } from '../app/gift-access.js';
import { issueInUnit, reverseInUnit } from '../app/issue-gift.js';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { streams } from '../app/streams.js';
import { periodOf, type GiftsConfig } from '../config/gifts.config.js';
import { GIFTS_CONFIG } from '../gifts.tokens.js';

@Injectable()
export class IssuanceHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(GIFTS_CONFIG) private readonly config: GiftsConfig,
  ) {}

  private yearOf(instant: string): number {
    return Number(periodOf(instant, this.config.timeZone).slice(0, 4));
  }

  async issue(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const caller = requireActor(ctx);
    const request = await validatePayload(IssueGiftRequest, payload);
    const { locationId, sku, quantity, memberId, customer, reason, causeRef, entitlementCode, note, ...rest } = request;
    consumed(rest);
    requireLocation(this.org, locationId);
    if (!canUseLocation(this.org, caller, locationId)) throw locationForbidden(locationId);
    const now = this.host.clock.now().toISOString();
    const issuanceId = randomUUID();
    const recipient = customer ? { name: customer.name, mobile: customer.mobile } : undefined;
    const command = { type: 'IssueGift' as const, issuanceId, locationId, sku, quantity, memberId, customer: recipient, reason, causeRef, entitlementCode, note, now, actor: actorOf(caller) };
    return runGiftsUnit(this.host, ctx, { id: issuanceId, streamId: streams.issuance(issuanceId).streamId }, now, async (unit) => {
      await issueInUnit(unit, command, this.yearOf(now));
      const stock = await unit.load(streams.stock(locationId, sku));
      return { status: 'issued', stockAfter: stock?.onHand };
    }, request);
  }

  async reverse(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const caller = requireActor(ctx);
    const request = await validatePayload(ReverseIssuanceCommand, payload);
    const { issuanceId, reason, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const ref = streams.issuance(issuanceId);
    return runGiftsUnit(this.host, ctx, { id: issuanceId, streamId: ref.streamId }, now, async (unit) => {
      const issuance = await unit.load(ref);
      if (!issuance || !canUseLocation(this.org, caller, issuance.locationId)) throw notVisible('issuance', issuanceId);
      await reverseInUnit(unit, issuance, reason, this.yearOf(issuance.issuedAt), now, actorOf(caller));
      return { status: 'reversed' };
    }, request);
  }

  /** Damaged or lost outside a stocktake: written off the location's ledger. */
  async writeOff(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const caller = requireActor(ctx);
    const request = await validatePayload(WriteOffStockRequest, payload);
    const { locationId, sku, quantity, reason, note, ...rest } = request;
    consumed(rest);
    requireLocation(this.org, locationId);
    if (!canUseLocation(this.org, caller, locationId)) throw locationForbidden(locationId);
    const now = this.host.clock.now().toISOString();
    const writeOffId = randomUUID();
    const ref = streams.stock(locationId, sku);
    return runGiftsUnit(this.host, ctx, { id: writeOffId, streamId: ref.streamId }, now, async (unit) => {
      await requireGift(unit, sku, false);
      const minimum = await minimumAt(unit, sku, locationId);
      await unit.decide(ref, {
        type: 'WriteOffStock',
        locationId,
        sku,
        ref: { kind: 'write_off', id: writeOffId },
        quantity,
        reason,
        note,
        minimum,
        now,
        actor: actorOf(caller),
      });
      const stock = await unit.load(ref);
      return { onHand: stock?.onHand };
    }, request);
  }
}
