import type { Actor } from '@cs/eventstore';
import type { LoyaltyRulesInForce } from '../loyalty-config/loyalty-config.values.js';
import type { CallOutcome, CardChannel } from './birthday-greeting.values.js';

type GreetingActor = Pick<Actor, 'id' | 'role' | 'name'>;

interface Base {
  greetingId: string;
  now: string;
  actor: GreetingActor;
}

/** From the monthly birthday run: one greeting per member and year. */
export interface PlanBirthdayGreeting extends Base {
  type: 'PlanBirthdayGreeting';
  memberId: string;
  storeId: string;
  year: number;
  birthDate: string;
  tier: string;
  vip: boolean;
  /** False while the member's record still needs a supplement. */
  profileComplete: boolean;
  rules: LoyaltyRulesInForce;
}

/** The gift-due timer fired. */
export interface MarkBirthdayGiftDue extends Base {
  type: 'MarkBirthdayGiftDue';
}

export interface RecordBirthdayCardSent extends Base {
  type: 'RecordBirthdayCardSent';
  channel: CardChannel;
}

/** From gifts: the birthday gift card was issued. */
export interface RecordBirthdayGiftCardIssued extends Base {
  type: 'RecordBirthdayGiftCardIssued';
  issuanceId: string;
}

export interface RecordBirthdayCall extends Base {
  type: 'RecordBirthdayCall';
  outcome: CallOutcome;
}

export type BirthdayGreetingCommand =
  | PlanBirthdayGreeting
  | MarkBirthdayGiftDue
  | RecordBirthdayCardSent
  | RecordBirthdayGiftCardIssued
  | RecordBirthdayCall;
