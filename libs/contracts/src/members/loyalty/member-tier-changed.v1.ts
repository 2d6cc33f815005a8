import { IsIn, IsInt, IsString, Length, Matches, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';
import { TIER_CHANGE_REASON_VALUES, TIER_CODE_PATTERN, type TierChangeReasonValue } from './loyalty-vocabulary.js';

export const memberTierChangedV1 = {
  type: 'members.MemberTierChanged',
  version: 1,
  subject: 'members.evt.MemberTierChanged.v1',
} as const satisfies IntegrationEventDescriptor;

/** Up at once on a purchase, down only at the monthly review; `netSpend12m` in fen is the basis. */
export class MemberTierChangedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Matches(TIER_CODE_PATTERN) from: string;
  @IsString() @Matches(TIER_CODE_PATTERN) to: string;
  @IsIn(['up', 'down']) direction: 'up' | 'down';
  @IsIn(TIER_CHANGE_REASON_VALUES) reason: TierChangeReasonValue;
  @IsInt() @Min(0) netSpend12m: number;
  @IsInt() @Min(0) rulesRevision: number;
  @IsInstant() changedAt: string;
}

export const memberTierChangedV1Example: MemberTierChangedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  from: 'standard',
  to: 'silver',
  direction: 'up',
  reason: 'purchase',
  netSpend12m: 210000,
  rulesRevision: 1,
  changedAt: '2026-06-01T06:12:03.000Z',
};
