import { IsBoolean, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { IsCalendarDate, IsInstant } from '@cs/contracts';

/**
 * The fields this service reads from members' loyalty events, validated here against their
 * documented shape (branch wt-10; not on main yet): when those contracts land, the consumer takes
 * their classes instead. Unknown fields are ignored: a consumer reads what it needs.
 */
export const MEMBERSHIP_EXPIRING = { type: 'members.MembershipExpiring', subject: 'members.evt.MembershipExpiring.v1' } as const;
export const MEMBER_CHURNED = { type: 'members.MemberChurned', subject: 'members.evt.MemberChurned.v1' } as const;
export const BIRTHDAY_GIFT_DUE = { type: 'members.BirthdayGiftDue', subject: 'members.evt.BirthdayGiftDue.v1' } as const;

export class MembershipExpiringIn {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() expiresAt: string;
  @IsOptional() @IsInt() @Min(0) noticeDays?: number;
  @IsInstant() noticedAt: string;
}

export class MemberChurnedIn {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() markedAt: string;
}

export class BirthdayGiftDueIn {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsCalendarDate() birthday?: string;
  @IsOptional() @IsString() tier?: string;
  /** Members flags the VIPs whose birthday gets a call on the day. */
  @IsOptional() @IsBoolean() callOnTheDay?: boolean;
  @IsInstant() dueAt: string;
}
