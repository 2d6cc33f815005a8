import type { GiftsCommandEnvelope } from '../shared/gifts-actor.js';

/** One member's birthday gift for one calendar year (the chain's time zone decides the year). */
interface AllowanceCommand extends GiftsCommandEnvelope {
  memberId: string;
  year: number;
}

export interface ClaimBirthdayGift extends AllowanceCommand {
  type: 'ClaimBirthdayGift';
  issuanceId: string;
}
export interface ReleaseBirthdayGift extends AllowanceCommand {
  type: 'ReleaseBirthdayGift';
  issuanceId: string;
}

export type BirthdayAllowanceCommand = ClaimBirthdayGift | ReleaseBirthdayGift;
