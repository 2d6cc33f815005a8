import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';

export const pointsRedemptionRequestedV1 = {
  type: 'members.PointsRedemptionRequested',
  version: 1,
  subject: 'members.evt.PointsRedemptionRequested.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * A member redeems points for a gift (兑换赠品). The points are held; the gift itself is asked of
 * gifts with its IssueRedemptionGift command, this event is for history and analytics.
 */
export class PointsRedemptionRequestedV1 {
  @IsString() @Length(1, 64) redemptionId: string;
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Matches(/^[A-Z0-9][A-Z0-9-]{0,63}$/) giftSku: string;
  @IsInt() @Min(1) @Max(1_000_000) quantity: number;
  @IsInt() @Min(1) points: number;
  @IsInstant() requestedAt: string;
}

export const pointsRedemptionRequestedV1Example: PointsRedemptionRequestedV1 = {
  redemptionId: 'r-0b9e2c4e-0001',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  giftSku: 'GIFT-SCARF-01',
  quantity: 1,
  points: 1200,
  requestedAt: '2026-01-06T03:00:00.000Z',
};
