import type { Event } from '@cs/eventstore';

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

export type MemberEvent =
  | MemberApplicationSubmitted
  | MemberApproved
  | MemberSupplementRequested
  | MemberApplicationSupplemented;

export type MemberEventType = MemberEvent['type'];
