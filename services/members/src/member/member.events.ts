import type { Event } from '@cs/eventstore';
import type { IdentityCheckMethod } from './member.values.js';

export type MemberGender = 'male' | 'female' | 'other' | 'undisclosed';

/** 熟客档案: style, size and colour preferences. */
export interface MemberPreferences {
  styles?: string[];
  sizes?: string[];
  colours?: string[];
}

/** Marketing contact is only allowed through channels the member consented to. */
export interface MarketingConsent {
  sms?: boolean;
  post?: boolean;
  phone?: boolean;
}

/** Personal data that can be completed after submission (mobile is fixed at submission). */
export interface MemberSupplementableFields {
  name?: string;
  gender?: MemberGender;
  birthDate?: string;
  email?: string;
  postalAddress?: string;
  preferences?: MemberPreferences;
  marketingConsent?: MarketingConsent;
}

export interface MemberPersonalFields extends MemberSupplementableFields {
  name: string;
  mobile: string;
}

export type MemberApplicationSubmitted = Event<
  'MemberApplicationSubmitted',
  MemberPersonalFields & {
    memberId: string;
    storeId: string;
    applicationNo?: string;
    status: 'pending_review';
    submittedAt: string;
    registeredBy: string;
  }
>;

export type MemberApproved = Event<
  'MemberApproved',
  { memberId: string; storeId: string; name: string; memberNo: string; activatedAt: string; reviewedBy: string; note?: string }
>;

export type MemberSupplementRequested = Event<
  'MemberSupplementRequested',
  { memberId: string; storeId: string; name: string; missingFields: string[]; note?: string; requestedBy: string; requestedAt: string }
>;

export type MemberApplicationSupplemented = Event<
  'MemberApplicationSupplemented',
  { memberId: string; storeId: string; name: string; fields: MemberSupplementableFields; supplementedBy: string; supplementedAt: string }
>;

/** `previousMobile` lets the uniqueness index free the old number. */
export type MemberContactChanged = Event<
  'MemberContactChanged',
  { memberId: string; storeId: string; changes: { mobile?: string; email?: string; postalAddress?: string }; previousMobile?: string; changedBy: string; changedAt: string }
>;

export type MemberPreferencesUpdated = Event<
  'MemberPreferencesUpdated',
  { memberId: string; storeId: string; preferences: MemberPreferences; updatedBy: string; updatedAt: string }
>;

export type MemberConsentUpdated = Event<
  'MemberConsentUpdated',
  { memberId: string; storeId: string; marketingConsent: MarketingConsent; updatedBy: string; updatedAt: string }
>;

export type MemberIdentityChecked = Event<
  'MemberIdentityChecked',
  { memberId: string; method: IdentityCheckMethod; passed: boolean; caseRef?: string; checkedBy: string; checkedAt: string }
>;

/**
 * The record is anonymised from here on; `mobile` is carried once so the uniqueness index frees it
 * (stored sealed, under the key this closure deletes). Gender and birth year-month stay in clear:
 * the analyses keep counting the member by them once the birth date is unreadable.
 */
export type MemberClosed = Event<
  'MemberClosed',
  { memberId: string; storeId: string; reason: string; mobile: string; gender?: MemberGender; birthYearMonth?: string; closedBy: string; closedAt: string }
>;

export type MemberEvent =
  | MemberApplicationSubmitted
  | MemberApproved
  | MemberSupplementRequested
  | MemberApplicationSupplemented
  | MemberContactChanged
  | MemberPreferencesUpdated
  | MemberConsentUpdated
  | MemberIdentityChecked
  | MemberClosed;

export type MemberEventType = MemberEvent['type'];
