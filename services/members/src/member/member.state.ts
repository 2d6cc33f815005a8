import type { MemberPersonalFields } from './member.events.js';
import type { MemberStatus } from './member.values.js';

export interface Member extends MemberPersonalFields {
  memberId: string;
  storeId: string;
  status: MemberStatus;
  applicationNo?: string;
  /** Fields HQ asked for in the last supplement request that are still not supplied. */
  missingFields: string[];
  reviewNotesCount: number;
  supplementRequestsCount: number;
  submittedAt: string;
  /** Actor id of the store staff who entered the application. */
  registeredBy: string;
  /** Set while active. */
  memberNo?: string;
  activatedAt?: string;
  /** The last identity check, so a full profile is shown only after one passed. */
  lastIdentityCheck?: { method: string; passed: boolean; at: string; by: string; caseRef?: string };
  closedAt?: string;
}

/** `null` until the application is submitted. */
export type MemberState = Member | null;

export const initialMemberState = (): MemberState => null;

/** The last identity check passed and is at most `windowMinutes` old at `now` (R103; a later failed check undoes it). */
export function identityCheckedWithin(member: Member, now: string, windowMinutes: number): boolean {
  const check = member.lastIdentityCheck;
  if (!check?.passed) return false;
  const age = Date.parse(now) - Date.parse(check.at);
  return age >= 0 && age <= windowMinutes * 60_000;
}
