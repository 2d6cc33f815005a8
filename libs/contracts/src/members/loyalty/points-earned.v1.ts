import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';
import { RECEIPT_NO_PATTERN } from './loyalty-vocabulary.js';

export const pointsEarnedV1 = {
  type: 'members.PointsEarned',
  version: 1,
  subject: 'members.evt.PointsEarned.v1',
} as const satisfies IntegrationEventDescriptor;

/** A purchase earned a lot of points: pending until `vestsAt`, expiring at `expiresAt`. */
export class PointsEarnedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 80) lotId: string;
  @IsString() @Matches(RECEIPT_NO_PATTERN) receiptNo: string;
  @IsInt() @Min(1) @Max(1_000_000_000_000) points: number;
  @IsInstant() earnedAt: string;
  @IsInstant() vestsAt: string;
  @IsInstant() expiresAt: string;
}

export const pointsEarnedV1Example: PointsEarnedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  lotId: 'lot-POS-20260601-0778',
  receiptNo: 'POS-20260601-0778',
  points: 1198,
  earnedAt: '2026-06-01T06:12:00.000Z',
  vestsAt: '2026-06-08T06:12:00.000Z',
  expiresAt: '2027-06-01T06:12:00.000Z',
};
