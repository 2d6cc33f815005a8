import { IsBoolean, IsString, Length, Matches } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsCalendarDate, IsInstant } from '../../validators.js';
import { TIER_CODE_PATTERN } from './loyalty-vocabulary.js';

export const birthdayGiftDueV1 = {
  type: 'members.BirthdayGiftDue',
  version: 1,
  subject: 'members.evt.BirthdayGiftDue.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * The birthday card and gift card are due (the configured lead time before `birthday`, this year's
 * date): gifts issues the gift card. `callOnTheDay` for VIP tiers only (R92). The birth year is never sent.
 */
export class BirthdayGiftDueV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @IsCalendarDate() birthday: string;
  @IsString() @Matches(TIER_CODE_PATTERN) tier: string;
  @IsBoolean() callOnTheDay: boolean;
  @IsInstant() dueAt: string;
}

export const birthdayGiftDueV1Example: BirthdayGiftDueV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  birthday: '2026-05-17',
  tier: 'vip',
  callOnTheDay: true,
  dueAt: '2026-05-10T00:00:00.000+08:00',
};
