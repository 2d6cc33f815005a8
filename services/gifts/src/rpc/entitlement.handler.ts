import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IssueEntitlementRequest, VoidEntitlementCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost, type CommandReply } from '@cs/nest-common';
import { requireGift } from '../app/catalogue-lookup.js';
import { actorOf, runGiftsUnit } from '../app/run-gifts-unit.js';
import { streams } from '../app/streams.js';
import type { GiftsConfig } from '../config/gifts.config.js';
import type { EntitlementKind } from '../entitlement/entitlement.values.js';
import { GIFTS_CONFIG } from '../gifts.tokens.js';

const PREFIX: Record<EntitlementKind, string> = { gift_card: 'GC', birthday_gift_card: 'BG', voucher: 'GV' };
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code staff can read out: kind prefix and 10 unambiguous characters from random bytes (or from a seed, for exactly-once). */
export function entitlementCode(kind: EntitlementKind, bytes: Buffer = randomBytes(10)): string {
  return `${PREFIX[kind]}-${[...bytes.subarray(0, 10)].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

export const daysAfter = (instant: string, days: number) => new Date(Date.parse(instant) + days * 86_400_000).toISOString();

@Injectable()
export class EntitlementHandler {
  constructor(
    private readonly host: ServiceHost,
    @Inject(GIFTS_CONFIG) private readonly config: GiftsConfig,
  ) {}

  async issue(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(IssueEntitlementRequest, payload);
    const now = this.host.clock.now().toISOString();
    const code = entitlementCode(request.kind);
    const validFrom = request.validFrom ? new Date(request.validFrom).toISOString() : now;
    const validUntil = request.validUntil ? new Date(request.validUntil).toISOString() : daysAfter(validFrom, this.config.entitlementValidityDays);
    const ref = streams.entitlement(code);
    return runGiftsUnit(this.host, ctx, { id: code, streamId: ref.streamId }, now, async (unit) => {
      if (request.giftSku) await requireGift(unit, request.giftSku);
      await unit.decide(ref, {
        type: 'IssueEntitlement',
        code,
        kind: request.kind,
        source: request.kind === 'birthday_gift_card' ? 'birthday' : 'manual',
        memberId: request.memberId,
        sku: request.giftSku,
        validFrom,
        validUntil,
        note: request.note,
        now,
        actor,
      });
      return { code, status: 'issued', validUntil };
    }, request);
  }

  async void(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(VoidEntitlementCommand, payload);
    const now = this.host.clock.now().toISOString();
    const ref = streams.entitlement(request.entitlementId);
    return runGiftsUnit(this.host, ctx, { id: request.entitlementId, streamId: ref.streamId }, now, async (unit) => {
      await unit.decide(ref, { type: 'VoidEntitlement', code: request.entitlementId, reason: request.reason, now, actor });
      return { status: 'void' };
    }, request);
  }
}
