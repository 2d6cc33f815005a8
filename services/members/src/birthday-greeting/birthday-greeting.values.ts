export const CARD_CHANNELS = ['post', 'sms', 'email'] as const;
export type CardChannel = (typeof CARD_CHANNELS)[number];

export const CALL_OUTCOMES = ['reached', 'no_answer', 'refused'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const greetingIdFor = (memberId: string, year: number) => `${memberId}-${year}`;

/** A call that reached the member, or that the member declined, is done; no answer is tried again. */
export const callDone = (outcome?: string): boolean => outcome === 'reached' || outcome === 'refused';

/** Card and gift card sent, and the call made where one is due: the greeting is complete. */
export function isComplete(g: { cardSentAt?: string; giftCardIssuanceId?: string; callOnTheDay: boolean; callOutcome?: string }): boolean {
  return !!g.cardSentAt && !!g.giftCardIssuanceId && (!g.callOnTheDay || callDone(g.callOutcome));
}
