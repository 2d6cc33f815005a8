import type { MemberSupplementableFields } from './member.events.js';

/** Pending HQ review, sent back to the store for a supplement, an active member, or closed (anonymised). */
export const MEMBER_STATUSES = ['pending_review', 'needs_supplement', 'active', 'closed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Every personal field a member record has. */
export const MEMBER_FIELDS = [
  'name',
  'mobile',
  'gender',
  'birthDate',
  'email',
  'postalAddress',
  'preferences',
  'marketingConsent',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** Fields the store can complete after submission; mobile is fixed once submitted. */
export const SUPPLEMENTABLE_MEMBER_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'email',
  'postalAddress',
  'preferences',
  'marketingConsent',
] as const satisfies readonly (keyof MemberSupplementableFields)[];
export type SupplementableMemberField = (typeof SUPPLEMENTABLE_MEMBER_FIELDS)[number];

/** [PROPOSED] default completeness list for the HQ review (R84); the real list is configuration. */
export const DEFAULT_REQUIRED_MEMBER_FIELDS: readonly MemberField[] = [
  'name',
  'mobile',
  'gender',
  'birthDate',
  'postalAddress',
];

export function isMemberField(name: string): name is MemberField {
  return (MEMBER_FIELDS as readonly string[]).includes(name);
}

export function isSupplementableField(name: string): name is SupplementableMemberField {
  return (SUPPLEMENTABLE_MEMBER_FIELDS as readonly string[]).includes(name);
}

/** Blank strings, empty arrays and empty objects count as not filled in (漏填). */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some((v) => v !== undefined);
  return true;
}

/** The required fields that are not filled in, in the order of `requiredFields`. */
export function missingRequiredFields(
  fields: Readonly<Record<string, unknown>>,
  requiredFields: readonly string[] = DEFAULT_REQUIRED_MEMBER_FIELDS,
): string[] {
  return [...new Set(requiredFields)].filter((field) => !isFilled(fields[field]));
}

/** R102: member numbers are meaningless sequence numbers, at least 6 digits. */
export function formatMemberNo(sequence: number | bigint): string {
  return String(sequence).padStart(6, '0');
}

/** The calendar date (YYYY-MM-DD, UTC) of an ISO instant. */
export function calendarDateOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

export function isBirthDateInFuture(birthDate: string, now: string): boolean {
  return birthDate > calendarDateOf(now);
}

/** How a caller proved to be the member before data is disclosed (R103). */
export const IDENTITY_CHECK_METHODS = ['sms_code', 'member_no_and_birth_date', 'service_password', 'id_document'] as const;
export type IdentityCheckMethod = (typeof IDENTITY_CHECK_METHODS)[number];

/** What replaces personal data when a membership is closed. */
// the contracts' CLOSED_MEMBER_NAME, which the member directories show (the domain imports no contracts)
export const CLOSED_MEMBER_NAME = '(closed)';
