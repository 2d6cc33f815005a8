/** Values shared by the members integration events and RPC requests. */
export const MEMBER_GENDERS = ['male', 'female', 'other', 'undisclosed'] as const;
export type MemberGenderValue = (typeof MEMBER_GENDERS)[number];

export const MEMBER_STATUSES = ['pending_review', 'needs_supplement', 'active', 'closed'] as const;
export type MemberStatusValue = (typeof MEMBER_STATUSES)[number];

/** Fields HQ may ask the store to supplement; mobile is fixed at submission. */
export const MEMBER_SUPPLEMENTABLE_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'email',
  'postalAddress',
  'preferences',
  'marketingConsent',
] as const;
export type MemberSupplementableFieldName = (typeof MEMBER_SUPPLEMENTABLE_FIELDS)[number];

/** What a closed member's name reads as, in the members service and in every member directory. */
export const CLOSED_MEMBER_NAME = '(closed)';

/** Mainland China mobile number. */
export const MEMBER_MOBILE_PATTERN = /^1\d{10}$/;

export const MEMBER_REVIEW_DECISIONS = ['approve', 'request_supplement'] as const;
export type MemberReviewDecision = (typeof MEMBER_REVIEW_DECISIONS)[number];
