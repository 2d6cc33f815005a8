import type { Event } from '@cs/eventstore';
import type { CallOutcome, CardChannel } from './birthday-greeting.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type BirthdayGreetingPlanned = Event<
  'BirthdayGreetingPlanned',
  {
    greetingId: string;
    memberId: string;
    storeId: string;
    year: number;
    birthday: string;
    tier: string;
    /** VIP (大顾客) tiers only get the call on the day (R92). */
    callOnTheDay: boolean;
    /** Card and gift card are due the configured lead time before the birthday, local midnight. */
    giftDueAt: string;
    /** Local midnight of the birthday: the call is on the day. */
    callFrom: string;
    rulesRevision: number;
  } & Stamp
>;

/** No gift while the member's record still needs a supplement. */
export type BirthdayGreetingWithheld = Event<
  'BirthdayGreetingWithheld',
  { greetingId: string; memberId: string; storeId: string; year: number; birthday: string; reason: 'profile_incomplete' } & Stamp
>;

export type BirthdayGiftDue = Event<'BirthdayGiftDue', { dueAt: string } & Stamp>;

export type BirthdayCardSent = Event<'BirthdayCardSent', { channel: CardChannel; completes: boolean } & Stamp>;

export type BirthdayGiftCardIssued = Event<'BirthdayGiftCardIssued', { issuanceId: string; completes: boolean } & Stamp>;

export type BirthdayCallRecorded = Event<'BirthdayCallRecorded', { outcome: CallOutcome; completes: boolean } & Stamp>;

export type BirthdayGreetingEvent =
  | BirthdayGreetingPlanned
  | BirthdayGreetingWithheld
  | BirthdayGiftDue
  | BirthdayCardSent
  | BirthdayGiftCardIssued
  | BirthdayCallRecorded;
