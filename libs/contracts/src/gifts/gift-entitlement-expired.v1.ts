import { IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const giftEntitlementExpiredV1 = {
  type: 'gifts.GiftEntitlementExpired',
  version: 1,
  subject: 'gifts.evt.GiftEntitlementExpired.v1',
} as const satisfies IntegrationEventDescriptor;

/** An entitlement reached the end of its validity unredeemed. */
export class GiftEntitlementExpiredV1 {
  @IsString() @Length(1, 64) entitlementId: string;
  @IsString() @Length(1, 64) code: string;
  @IsInstant() expiredAt: string;
}

export const giftEntitlementExpiredV1Example: GiftEntitlementExpiredV1 = {
  entitlementId: 'e-5f0c7a2e-1',
  code: 'GV-7K3M9Q2P',
  expiredAt: '2026-02-04T08:00:00.000Z',
};
