import type { MemberEventType } from '../member/member.events.js';

/**
 * Which fields of which stored member events are personal data, sealed under the member's key
 * (dotted paths into the payload). Kept in clear: ids, store, statuses, dates of the process,
 * gender (an analytic attribute, not identifying alone), and what the closure carries for the
 * analyses (gender, birth year-month).
 */
export const PERSONAL_FIELDS = {
  MemberApplicationSubmitted: ['name', 'mobile', 'birthDate', 'email', 'postalAddress', 'preferences', 'marketingConsent'],
  MemberApproved: ['name'],
  MemberSupplementRequested: ['name'],
  MemberApplicationSupplemented: ['name', 'fields.name', 'fields.birthDate', 'fields.email', 'fields.postalAddress', 'fields.preferences', 'fields.marketingConsent'],
  MemberContactChanged: ['changes.mobile', 'changes.email', 'changes.postalAddress', 'previousMobile'],
  MemberPreferencesUpdated: ['preferences'],
  MemberConsentUpdated: ['marketingConsent'],
  MemberClosed: ['mobile'],
} as const satisfies Partial<Record<MemberEventType, readonly string[]>>;

/** The event whose append deletes the member's key, in the same transaction. */
export const SHREDDING_EVENT: MemberEventType = 'MemberClosed';

export function personalFieldsOf(type: string): readonly string[] {
  return (PERSONAL_FIELDS as Record<string, readonly string[]>)[type] ?? [];
}

type Json = Record<string, unknown>;

/** The payload with each present personal field replaced by `map(value)`; the original is left as is. */
export function mapPersonalFields(type: string, data: Json, map: (value: unknown) => unknown): Json {
  let result = data;
  for (const path of personalFieldsOf(type)) {
    const keys = path.split('.');
    if (getPath(result, keys) === undefined) continue;
    result = setPath(result, keys, map(getPath(result, keys)));
  }
  return result;
}

function getPath(data: Json, keys: readonly string[]): unknown {
  let at: unknown = data;
  for (const key of keys) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Json)[key];
  }
  return at;
}

function setPath(data: Json, [key, ...rest]: readonly string[], value: unknown): Json {
  return { ...data, [key]: rest.length ? setPath((data[key] ?? {}) as Json, rest, value) : value };
}
