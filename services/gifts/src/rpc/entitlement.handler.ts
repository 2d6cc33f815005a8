import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IssueEntitlementRequest, VoidEntitlementCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, ServiceHost, type CommandReply } from '@cs/nest-common';
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
    const { kind, memberId, giftSku, validFrom: from, validUntil: until, note, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const code = entitlementCode(kind);
    const validFrom = from ? new Date(from).toISOString() : now;
    const validUntil = until ? new Date(until).toISOString() : daysAfter(validFrom, this.config.entitlementValidityDays);
    const ref = streams.entitlement(code);
    return runGiftsUnit(this.host, ctx, { id: code, streamId: ref.streamId }, now, async (unit) => {
      if (giftSku) await requireGift(unit, giftSku);
      await unit.decide(ref, {
        type: 'IssueEntitlement',
        code,
        kind,
        source: kind === 'birthday_gift_card' ? 'birthday' : 'manual',
        memberId,
        sku: giftSku,
        validFrom,
        validUntil,
        note,
        now,
        actor,
      });
      return { code, status: 'issued', validUntil };
    }, request);
  }

  async void(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = actorOf(requireActor(ctx));
    const request = await validatePayload(VoidEntitlementCommand, payload);
    const { entitlementId, reason, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const ref = streams.entitlement(entitlementId);
    return runGiftsUnit(this.host, ctx, { id: entitlementId, streamId: ref.streamId }, now, async (unit) => {
      await unit.decide(ref, { type: 'VoidEntitlement', code: entitlementId, reason, now, actor });
      return { status: 'void' };
    }, request);
  }
}
