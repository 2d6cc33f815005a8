import type { Actor } from '@cs/eventstore';
import type { MarketingConsent, MemberGender, MemberPreferences, MemberSupplementableFields } from './member.events.js';

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

export type MemberCommand = SubmitApplication | ReviewApplication | SupplementApplication;
