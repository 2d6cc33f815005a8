import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY } from './gift-vocabulary.js';

/**
 * A command to the gifts service (not an event): members, holding the points, asks for a
 * points-redemption gift to be issued at a store. Published on the GIFTS_CMD JetStream stream
 * with Nats-Msg-Id = the sender's event id. Gifts answers exactly once per `redemptionId` with
 * GiftRedemptionIssued or GiftRedemptionRefused.
 */
export const issueRedemptionGiftV1 = {
  type: 'gifts.IssueRedemptionGift',
  version: 1,
  subject: 'gifts.cmd.IssueRedemptionGift.v1',
} as const satisfies IntegrationEventDescriptor;

/** The JetStream stream that carries commands to the gifts service. */
export const GIFTS_COMMAND_STREAM = { name: 'GIFTS_CMD', subjects: ['gifts.cmd.>'] } as const;

export class IssueRedemptionGiftV1 {
  @IsString() @Length(1, 64) redemptionId: string;
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN) giftSku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;
  /** The points held for it (pointsPrice × quantity as members computed it). */
  @IsInt() @Min(0) pointsCost: number;
  @IsInstant() requestedAt: string;
}

export const issueRedemptionGiftV1Example: IssueRedemptionGiftV1 = {
  redemptionId: 'r-0b9e2c4e-0001',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  giftSku: 'GIFT-SCARF-01',
  quantity: 1,
  pointsCost: 1200,
  requestedAt: '2026-01-06T03:00:00.000Z',
};
