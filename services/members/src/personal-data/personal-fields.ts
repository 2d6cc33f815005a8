import type { BirthdayGreetingEvent } from '../birthday-greeting/birthday-greeting.events.js';
import { BIRTHDAY_GREETING_STREAM_TYPE } from '../birthday-greeting/birthday-greeting.decider.js';
import type { MemberEventType } from '../member/member.events.js';

/**
 * Which fields of which stored member events are personal data, sealed under the member's key
 * (dotted paths into the payload). Kept in clear: ids, store, statuses, dates of the process,
 * gender (an analytic attribute, not identifying alone), and what the closure carries for the
 * analyses (gender, birth year-month). A birthday greeting's day, and every instant derived from it
 * (the gift's due instant, the call's), would give the birth date back with the year-month kept
 * for the analyses: they are sealed under the member's key too.
 */
export const PERSONAL_FIELDS = {
  MemberApplicationSubmitted: ['name', 'mobile', 'birthDate', 'email', 'postalAddress', 'preferences', 'marketingConsent'],
  // free text (a reviewer's note, a closure's reason) can name anything about the member
  MemberApproved: ['name', 'note'],
  MemberSupplementRequested: ['name', 'note'],
  MemberApplicationSupplemented: ['name', 'fields.name', 'fields.birthDate', 'fields.email', 'fields.postalAddress', 'fields.preferences', 'fields.marketingConsent'],
  MemberContactChanged: ['changes.mobile', 'changes.email', 'changes.postalAddress', 'previousMobile'],
  MemberPreferencesUpdated: ['preferences'],
  MemberConsentUpdated: ['marketingConsent'],
  MemberClosed: ['mobile', 'reason'],
  BirthdayGreetingPlanned: ['birthday', 'giftDueAt', 'callFrom'],
  BirthdayGreetingWithheld: ['birthday'],
  // fired at the due instant, so its stamp is the due instant too
  BirthdayGiftDue: ['dueAt', 'at'],
} as const satisfies Partial<Record<MemberEventType | BirthdayGreetingEvent['type'], readonly string[]>>;

/** The event whose append deletes the member's key, in the same transaction. */
export const SHREDDING_EVENT: MemberEventType = 'MemberClosed';

export function personalFieldsOf(type: string): readonly string[] {
  return (PERSONAL_FIELDS as Record<string, readonly string[]>)[type] ?? [];
}

/**
 * The member whose key seals an event: the payload's member id, or, for the greeting events that
 * carry none, the member of the greeting stream (`birthday-greeting-<memberId>-<year>`).
 */
export function subjectOf(streamId: string, data: object): string {
  const memberId = (data as { memberId?: unknown }).memberId;
  if (typeof memberId === 'string') return memberId;
  const prefix = `${BIRTHDAY_GREETING_STREAM_TYPE}-`;
  if (streamId.startsWith(prefix)) return streamId.slice(prefix.length).replace(/-\d{4}$/, '');
  throw new Error(`no member for the personal fields of an event of ${streamId}`);
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
