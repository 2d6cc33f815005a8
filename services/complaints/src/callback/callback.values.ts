/** Call-back kinds of §1.7.2 that the platform creates (sources: complaints, after-sales, members, sampling). */
export const CALLBACK_KINDS = [
  'complaint',
  'after_sales',
  'lost_member',
  'expiring_member',
  'market_survey',
  'staff_complaint_second_call',
  'birthday_greeting',
] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];

export const ATTEMPT_OUTCOMES = ['reached', 'no_answer', 'busy', 'wrong_number', 'refused'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Outcomes that did not reach the customer: they count towards the unreachable limit. */
export const UNANSWERED_OUTCOMES: readonly AttemptOutcome[] = ['no_answer', 'busy', 'wrong_number'];

export const CALLBACK_CHANNELS = ['phone', 'sms', 'email', 'wechat', 'in_store'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];

/** [PROPOSED] §1.7.2: three unanswered attempts make a call-back unreachable (configuration). */
export const DEFAULT_MAX_UNANSWERED_ATTEMPTS = 3;

export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;
