import { giftEntitlementIssuedV1, giftRedemptionIssuedV1, giftRedemptionRefusedV1, type IntegrationEnvelope } from '@cs/contracts';
import { handleCommand, type Actor } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import { IsOptional, IsString, Length } from 'class-validator';
import { RedemptionErrorCodes } from '../../redemption/redemption.errors.js';
import { birthdayGreetingStream, redemptionStream } from '../../rpc/loyalty-streams.js';
import { asMessageOutcome, contractPayload } from '../inbound-validation.js';

export const GIFT_REDEMPTIONS_CONSUMER = 'members__gift-redemptions';
const GIFTS: Actor = { id: 'system:gifts-feed', role: 'system', name: 'Gifts answers' };

/** gifts' answers to IssueRedemptionGift (gifts contract v1): the fields members reads. */
export const GIFT_REDEMPTION_ISSUED = giftRedemptionIssuedV1.type;
export const GIFT_REDEMPTION_REFUSED = giftRedemptionRefusedV1.type;
export class GiftRedemptionAnswer {
  @IsString() @Length(1, 64) redemptionId: string;
  @IsOptional() @IsString() @Length(1, 64) issuanceId?: string;
  @IsOptional() @IsString() @Length(1, 40) issuedAt?: string;
  @IsOptional() @IsString() @Length(1, 40) reason?: string;
}

/** gifts issued a birthday gift card (an entitlement of kind `birthday_gift_card`). */
export const GIFT_ENTITLEMENT_ISSUED = giftEntitlementIssuedV1.type;

/**
 * Records gifts' answer on the redemption (the saga then spends or releases the held points), and
 * a birthday gift card on the member's open birthday greeting.
 */
export function giftRedemptionsConsumer(host: ServiceHost) {
  return async (envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> => {
    if (envelope.version === 1 && envelope.type === GIFT_ENTITLEMENT_ISSUED) return birthdayGiftCard(host, envelope, tx);
    if (envelope.version !== 1 || (envelope.type !== GIFT_REDEMPTION_ISSUED && envelope.type !== GIFT_REDEMPTION_REFUSED)) return;
    const { redemptionId, issuanceId, issuedAt, reason } = envelope.data as Record<string, string | undefined>;
    const answer = await contractPayload(GiftRedemptionAnswer, envelope.type, { redemptionId, issuanceId, issuedAt, reason });
    const now = host.clock.now().toISOString();
    const base = { redemptionId: answer.redemptionId, now, actor: GIFTS };
    const command =
      envelope.type === GIFT_REDEMPTION_ISSUED
        ? { ...base, type: 'RecordGiftIssued' as const, issuanceId: answer.issuanceId ?? '', issuedAt: answer.issuedAt ?? now }
        : { ...base, type: 'RecordGiftRefused' as const, reason: answer.reason ?? 'refused' };
    try {
      await handleCommand(host.store, redemptionStream.spec(answer.redemptionId), command, {
        commandId: `gifts:${envelope.id}`,
        request: { envelope: envelope.id },
        metadata: { actor: GIFTS, occurredAt: now, correlationId: envelope.correlationId, causationId: envelope.id },
      });
      host.poke();
    } catch (error) {
      asMessageOutcome(error, [RedemptionErrorCodes.NOT_FOUND]);
    }
  };
}

async function birthdayGiftCard(host: ServiceHost, envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> {
  const { kind, memberId, entitlementId } = envelope.data as Record<string, string | undefined>;
  if (kind !== 'birthday_gift_card' || !memberId || !entitlementId) return;
  const rows = await tx.query<{ greeting_id: string }>(
    `select greeting_id from birthday_greeting_v1 where member_id = $1 and status in ('planned', 'gift_due') order by year desc limit 1`,
    [memberId],
  );
  if (!rows.length) return;
  const greetingId = rows[0].greeting_id;
  const now = host.clock.now().toISOString();
  try {
    await handleCommand(
      host.store,
      birthdayGreetingStream.spec(greetingId),
      { type: 'RecordBirthdayGiftCardIssued', greetingId, issuanceId: entitlementId, now, actor: GIFTS },
      { commandId: `gifts:${envelope.id}`, request: { envelope: envelope.id }, metadata: { actor: GIFTS, occurredAt: now, causationId: envelope.id } },
    );
    host.poke();
  } catch (error) {
    asMessageOutcome(error, []);
  }
}
