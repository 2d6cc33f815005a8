import { IssueRedemptionGiftV1, issueRedemptionGiftV1, type IntegrationEnvelope } from '@cs/contracts';
import { DomainError, type Actor } from '@cs/eventstore';
import { contractData, PermanentMessageError } from '@cs/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { GIFTS_CONFIG } from '../../gifts.tokens.js';
import { issueInUnit } from '../../app/issue-gift.js';
import { runGiftsUnit } from '../../app/run-gifts-unit.js';
import { streams } from '../../app/streams.js';
import { periodOf, type GiftsConfig } from '../../config/gifts.config.js';
import type { RedemptionRefusal } from '../../issuance/issuance.values.js';
import type { GiftsActor } from '../../shared/gifts-actor.js';

export const REDEMPTION_CONSUMER = 'gifts__redemption-commands';
const SYSTEM: Actor = { id: 'system:points-redemption', role: 'system', name: 'Points redemption' };

/** The issuance a redemption becomes: one id per redemption, so the answer is given once. */
export const redemptionIssuanceId = (redemptionId: string) => `redemption-${redemptionId}`;

/**
 * Members asks for a points-redemption gift (gifts.cmd.IssueRedemptionGift.v1). Gifts issues it
 * from the store's stock, or records why it cannot (GiftRedemptionRefused): members spends or
 * releases the held points on the answer. A redelivered command finds the issuance and does nothing.
 */
@Injectable()
export class RedemptionConsumer {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(GIFTS_CONFIG) private readonly config: GiftsConfig,
  ) {}

  async handle(envelope: IntegrationEnvelope): Promise<void> {
    const { host, org, config } = this;
    if (envelope.type !== issueRedemptionGiftV1.type || envelope.version !== issueRedemptionGiftV1.version) return;
    const cmd = await contractData(IssueRedemptionGiftV1, envelope);
    const issuanceId = redemptionIssuanceId(cmd.redemptionId);
    const existing = await host.store.readStream(streams.issuance(issuanceId).streamId);
    if (existing.version > 0) return;
    const now = host.clock.now().toISOString();
    const actor: GiftsActor = { id: SYSTEM.id, role: SYSTEM.role };
    const system = { actor: SYSTEM, commandId: `redemption:${cmd.redemptionId}`, causationId: envelope.id };
    const primary = { id: issuanceId, streamId: streams.issuance(issuanceId).streamId };
    const base = { issuanceId, locationId: cmd.storeId, sku: cmd.giftSku, quantity: cmd.quantity, reason: 'points_redemption' as const, memberId: cmd.memberId, causeRef: cmd.redemptionId };
    const refuse = (refusal: RedemptionRefusal) =>
      runGiftsUnit(host, null, primary, now, async (unit) => {
        await unit.decide(streams.issuance(issuanceId), { type: 'RefuseIssuance', ...base, refusal, now, actor });
        return { status: 'refused', refusal };
      }, cmd, { ...system, commandId: `${system.commandId}:refused` }).catch((error: unknown) => {
        // a replica answered the same redemption meanwhile: the answer exists once
        if (error instanceof DomainError && error.code === 'ISSUANCE_ALREADY_EXISTS') return null;
        throw error;
      });
    if (!org.store(cmd.storeId)) return void (await refuse('store_unknown'));
    try {
      await runGiftsUnit(host, null, primary, now, async (unit) => {
        const gift = await unit.load(streams.gift(cmd.giftSku));
        if (!gift) throw new RedemptionRefused('unknown_gift');
        if (gift.status !== 'active' || gift.pointsPrice === undefined) throw new RedemptionRefused('not_redeemable');
        await issueInUnit(unit, { type: 'IssueGift', ...base, now, actor }, Number(periodOf(now, config.timeZone).slice(0, 4)));
        return { status: 'issued' };
      }, cmd, system);
    } catch (error) {
      if (error instanceof RedemptionRefused) return void (await refuse(error.refusal));
      if (error instanceof DomainError && error.code === 'STOCK_INSUFFICIENT') return void (await refuse('out_of_stock'));
      if (error instanceof DomainError && error.code === 'ISSUANCE_ALREADY_EXISTS') return;
      if (error instanceof DomainError) throw new PermanentMessageError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}

class RedemptionRefused extends Error {
  constructor(readonly refusal: RedemptionRefusal) {
    super(refusal);
  }
}
