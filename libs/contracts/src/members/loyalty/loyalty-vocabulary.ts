/** Values shared by the members loyalty events and RPC requests. */
export const PURCHASE_CHANNEL_VALUES = ['store', 'online'] as const;
export type PurchaseChannelValue = (typeof PURCHASE_CHANNEL_VALUES)[number];

export const TIER_CHANGE_REASON_VALUES = ['purchase', 'monthly_review'] as const;
export type TierChangeReasonValue = (typeof TIER_CHANGE_REASON_VALUES)[number];

/** How a birthday card went out, and how a VIP birthday call ended. */
export const BIRTHDAY_CARD_CHANNELS = ['post', 'sms', 'email'] as const;
export type BirthdayCardChannelValue = (typeof BIRTHDAY_CARD_CHANNELS)[number];
export const BIRTHDAY_CALL_OUTCOMES = ['reached', 'no_answer', 'refused'] as const;
export type BirthdayCallOutcomeValue = (typeof BIRTHDAY_CALL_OUTCOMES)[number];

export const TIER_CODE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
export const RECEIPT_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}$/;
/** `YYYY-MM`. */
export const LOYALTY_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The four analyses of §1.7.5 and the daily member consumption share. */
export const MEMBER_ANALYSES = ['spending-level', 'gender-age', 'spending-power', 'churn', 'consumption-share'] as const;
export type MemberAnalysisValue = (typeof MEMBER_ANALYSES)[number];
