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
}

/** `null` until the application is submitted. */
export type MemberState = Member | null;

export const initialMemberState = (): MemberState => null;
