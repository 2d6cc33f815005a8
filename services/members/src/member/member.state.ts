import type { MemberEvent, MemberPersonalFields } from './member.events.js';

interface MemberRecord extends MemberPersonalFields {
  memberId: string;
  storeId: string;
  applicationNo?: string;
  /** Fields HQ asked for in the last supplement request that are still not supplied. */
  missingFields: string[];
  reviewNotesCount: number;
  supplementRequestsCount: number;
  submittedAt: string;
  /** Actor id of the store staff who entered the application. */
  registeredBy: string;
}

export interface NoMember {
  status: 'none';
}

export interface PendingReviewMember extends MemberRecord {
  status: 'pending_review';
}

export interface NeedsSupplementMember extends MemberRecord {
  status: 'needs_supplement';
}

export interface ActiveMember extends MemberRecord {
  status: 'active';
  memberNo: string;
  activatedAt: string;
}

export type MemberState = NoMember | PendingReviewMember | NeedsSupplementMember | ActiveMember;
export type MemberStatus = MemberState['status'];
export type ExistingMember = Exclude<MemberState, NoMember>;

export const initialState = (): MemberState => ({ status: 'none' });

export function evolve(state: MemberState, event: MemberEvent): MemberState {
  switch (event.type) {
    case 'MemberApplicationSubmitted': {
      const { status: _status, ...data } = event.data;
      return {
        ...data,
        status: 'pending_review',
        missingFields: [],
        reviewNotesCount: 0,
        supplementRequestsCount: 0,
      };
    }
    case 'MemberApproved':
      if (state.status === 'none') return state;
      return {
        ...state,
        status: 'active',
        memberNo: event.data.memberNo,
        activatedAt: event.data.activatedAt,
        missingFields: [],
        reviewNotesCount: state.reviewNotesCount + (event.data.note ? 1 : 0),
      };
    case 'MemberSupplementRequested':
      if (state.status === 'none') return state;
      return {
        ...withoutActivation(state),
        status: 'needs_supplement',
        missingFields: [...event.data.missingFields],
        reviewNotesCount: state.reviewNotesCount + (event.data.note ? 1 : 0),
        supplementRequestsCount: state.supplementRequestsCount + 1,
      };
    case 'MemberApplicationSupplemented': {
      if (state.status === 'none') return state;
      const supplied = Object.keys(event.data.fields);
      return {
        ...withoutActivation(state),
        ...event.data.fields,
        status: 'pending_review',
        missingFields: state.missingFields.filter((field) => !supplied.includes(field)),
      };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function withoutActivation(state: ExistingMember): MemberRecord {
  if (state.status !== 'active') {
    const { status: _status, ...record } = state;
    return record;
  }
  const { status: _status, memberNo: _memberNo, activatedAt: _activatedAt, ...record } = state;
  return record;
}
