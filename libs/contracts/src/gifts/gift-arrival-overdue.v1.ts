import { IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const giftArrivalOverdueV1 = {
  type: 'gifts.GiftArrivalOverdue',
  version: 1,
  subject: 'gifts.evt.GiftArrivalOverdue.v1',
} as const satisfies IntegrationEventDescriptor;

/** A dispatch to a store was not received by its expected arrival plus the grace period (R112). */
export class GiftArrivalOverdueV1 {
  @IsString() @Length(1, 64) requestId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() expectedArrival: string;
  @IsInstant() overdueAt: string;
}

export const giftArrivalOverdueV1Example: GiftArrivalOverdueV1 = {
  requestId: 'gr-0001',
  storeId: 'store-sh-012',
  expectedArrival: '2026-01-08T10:00:00.000Z',
  overdueAt: '2026-01-10T10:00:00.000Z',
};
