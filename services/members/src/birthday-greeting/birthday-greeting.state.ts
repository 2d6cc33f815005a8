import type { CallOutcome, CardChannel } from './birthday-greeting.values.js';

export type BirthdayGreetingStatus = 'planned' | 'gift_due' | 'completed' | 'withheld';

export interface BirthdayGreeting {
  status: BirthdayGreetingStatus;
  greetingId: string;
  memberId: string;
  storeId: string;
  year: number;
  birthday: string;
  tier?: string;
  callOnTheDay: boolean;
  giftDueAt?: string;
  callFrom?: string;
  cardSentAt?: string;
  cardChannel?: CardChannel;
  giftCardIssuanceId?: string;
  callOutcome?: CallOutcome;
  callAt?: string;
}

export type BirthdayGreetingState = BirthdayGreeting | null;

export const initialBirthdayGreetingState = (): BirthdayGreetingState => null;
