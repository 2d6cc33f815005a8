import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';

export const pointsExpiredV1 = {
  type: 'members.PointsExpired',
  version: 1,
  subject: 'members.evt.PointsExpired.v1',
} as const satisfies IntegrationEventDescriptor;

/** What was left of a lot expired at the lot's own instant. */
export class PointsExpiredV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 80) lotId: string;
  @IsInt() @Min(0) @Max(1_000_000_000_000) points: number;
  @IsInstant() expiredAt: string;
}

export const pointsExpiredV1Example: PointsExpiredV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  lotId: 'lot-POS-20250601-0101',
  points: 240,
  expiredAt: '2026-06-01T06:12:00.000Z',
};
