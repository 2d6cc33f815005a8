import type { Event } from '@cs/eventstore';

export type BirthdayGiftClaimed = Event<'BirthdayGiftClaimed', { memberId: string; year: number; issuanceId: string; at: string; by: string }>;
/** The birthday gift was given back (issuance reversed): the year's gift may be issued again. */
export type BirthdayGiftReleased = Event<'BirthdayGiftReleased', { issuanceId: string; at: string; by: string }>;

export type BirthdayAllowanceEvent = BirthdayGiftClaimed | BirthdayGiftReleased;
