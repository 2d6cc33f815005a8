import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { IsCalendarDate, IsInstant } from '@cs/contracts';

/**
 * The fields this service reads from other services' published events, validated here against
 * their documented shape (after-sales: branch wt-8 `libs/contracts/src/after-sales`; members'
 * loyalty events: branch wt-10). Unknown fields are ignored: a consumer reads what it needs.
 */
export const AFTER_SALES_COMPLETED = { type: 'after-sales.AfterSalesCompleted', subject: 'after-sales.evt.AfterSalesCompleted.v1' } as const;
export const MEMBERSHIP_EXPIRING = { type: 'members.MembershipExpiring', subject: 'members.evt.MembershipExpiring.v1' } as const;
export const MEMBER_CHURNED = { type: 'members.MemberChurned', subject: 'members.evt.MemberChurned.v1' } as const;
export const BIRTHDAY_GIFT_DUE = { type: 'members.BirthdayGiftDue', subject: 'members.evt.BirthdayGiftDue.v1' } as const;

export class AfterSalesCompletedIn {
  @IsString() @Length(1, 64) requestId: string;
  @IsIn(['return', 'exchange', 'repair']) type: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) linkedComplaintId?: string;
  @IsInstant() completedAt: string;
  @IsInstant() callbackDueAt: string;
}

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
