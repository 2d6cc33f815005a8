import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import type { IntegrationEventDescriptor } from '../../envelope.js';
import { IsInstant } from '../../validators.js';
import { LOYALTY_MONTH_PATTERN } from './loyalty-vocabulary.js';
import { NestedEach } from './nested-each.js';

export const monthlyRankingPublishedV1 = {
  type: 'members.MonthlyRankingPublished',
  version: 1,
  subject: 'members.evt.MonthlyRankingPublished.v1',
} as const satisfies IntegrationEventDescriptor;

export class RankedMemberV1 {
  @IsInt() @Min(1) rank: number;
  @IsString() @Length(1, 64) memberId: string;
  /** Sales minus refunds in the month, fen. */
  @IsInt() @Min(1) netSpend: number;
  @IsInt() @Min(1) txCount: number;
}

/**
 * One store's member spending ranking of `month` (R93), published on the 1st: gifts sends the
 * thank-you letter and 礼品券 to each ranked member; `dueBy` is the end of the 4th.
 */
export class MonthlyRankingPublishedV1 {
  @IsString() @Matches(LOYALTY_MONTH_PATTERN) month: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @NestedEach(RankedMemberV1) ranked: RankedMemberV1[];
  @IsInstant() publishedAt: string;
  @IsInstant() dueBy: string;
}

export const monthlyRankingPublishedV1Example: MonthlyRankingPublishedV1 = {
  month: '2026-05',
  storeId: 'store-sh-012',
  ranked: [{ rank: 1, memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11', netSpend: 1_500_000, txCount: 4 }],
  publishedAt: '2026-05-31T16:00:00.000Z',
  dueBy: '2026-06-04T16:00:00.000Z',
};
