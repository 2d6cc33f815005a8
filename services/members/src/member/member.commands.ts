import type { Actor } from '@cs/eventstore';
import type { MarketingConsent, MemberGender, MemberPreferences, MemberSupplementableFields } from './member.events.js';
import type { IdentityCheckMethod } from './member.values.js';

interface CommandBase {
  memberId: string;
  /** ISO-8601 instant supplied by the caller (the domain has no clock). */
  now: string;
  actor: Actor;
}

export interface SubmitApplication extends CommandBase {
  type: 'SubmitApplication';
  storeId: string;
  name: string;
  mobile: string;
  gender?: MemberGender;
  birthDate?: string;
  email?: string;
  postalAddress?: string;
  preferences?: MemberPreferences;
  marketingConsent?: MarketingConsent;
  applicationNo?: string;
}

export interface ReviewApplication extends CommandBase {
  type: 'ReviewApplication';
  decision: 'approve' | 'request_supplement';
  missingFields?: string[];
  note?: string;
  /** Assigned by the caller from a DB sequence; only used on approve. */
  memberNo?: string;
  /** Configuration, not a constant; defaults to DEFAULT_REQUIRED_MEMBER_FIELDS. */
  requiredFields?: readonly string[];
}

export interface SupplementApplication extends CommandBase {
  type: 'SupplementApplication';
  fields: MemberSupplementableFields;
}

/**
 * R101: an online buyer becomes a member after the first successful online purchase, at the online
 * store, active at once with a member number (no paper form to review).
 */
export interface RegisterOnlineMember extends CommandBase {
  type: 'RegisterOnlineMember';
  storeId: string;
  name: string;
  mobile: string;
  memberNo: string;
  /** The receipt of the purchase that made the buyer a member. */
  receiptNo: string;
}

/** Profile upkeep of an active member: a new mobile stays unique (checked by the caller's index). */
export interface ChangeMemberContact extends CommandBase {
  type: 'ChangeMemberContact';
  mobile?: string;
  email?: string;
  postalAddress?: string;
}

export interface UpdateMemberPreferences extends CommandBase {
  type: 'UpdateMemberPreferences';
  preferences: MemberPreferences;
}

export interface UpdateMarketingConsent extends CommandBase {
  type: 'UpdateMarketingConsent';
  marketingConsent: MarketingConsent;
}

/** Recorded before a full profile is shown to a caller (R103). */
export interface RecordIdentityCheck extends CommandBase {
  type: 'RecordIdentityCheck';
  method: IdentityCheckMethod;
  passed: boolean;
  caseRef?: string;
}

/** The member or HQ closes the membership; personal data is anonymised. */
export interface CloseMembership extends CommandBase {
  type: 'CloseMembership';
  reason: string;
}

export type MemberCommand =
  | SubmitApplication
  | ReviewApplication
  | SupplementApplication
  | RegisterOnlineMember
  | ChangeMemberContact
  | UpdateMemberPreferences
  | UpdateMarketingConsent
  | RecordIdentityCheck
  | CloseMembership;
