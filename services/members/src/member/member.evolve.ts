import { compact } from '@cs/eventstore';
import type { MemberEvent } from './member.events.js';
import { memberLifecycle } from './member.lifecycle.js';
import type { Member, MemberState } from './member.state.js';
import { CLOSED_MEMBER_NAME } from './member.values.js';

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  if (event.type === 'MemberApplicationSubmitted') {
    const { status: _status, ...data } = event.data;
    return {
      ...data,
      status: memberLifecycle.statusAfter(event, undefined),
      missingFields: [],
      reviewNotesCount: 0,
      supplementRequestsCount: 0,
    };
  }
  // Events before the submission cannot exist in a well-formed stream; ignore rather than crash a fold.
  if (!state) return state;
  const s: Member = { ...state, status: memberLifecycle.statusAfter(event, state.status) };

  switch (event.type) {
    case 'MemberApproved':
      return {
        ...s,
        memberNo: event.data.memberNo,
        activatedAt: event.data.activatedAt,
        missingFields: [],
        reviewNotesCount: s.reviewNotesCount + (event.data.note ? 1 : 0),
      };
    case 'MemberSupplementRequested':
      return {
        ...withoutActivation(s),
        missingFields: [...event.data.missingFields],
        reviewNotesCount: s.reviewNotesCount + (event.data.note ? 1 : 0),
        supplementRequestsCount: s.supplementRequestsCount + 1,
      };
    case 'MemberApplicationSupplemented': {
      const supplied = Object.keys(event.data.fields);
      return {
        ...withoutActivation(s),
        ...event.data.fields,
        missingFields: s.missingFields.filter((field) => !supplied.includes(field)),
      };
    }
    case 'MemberContactChanged':
      return { ...s, ...event.data.changes };
    case 'MemberPreferencesUpdated':
      return { ...s, preferences: event.data.preferences };
    case 'MemberConsentUpdated':
      return { ...s, marketingConsent: event.data.marketingConsent };
    case 'MemberIdentityChecked': {
      const { method, passed, checkedAt, checkedBy, caseRef } = event.data;
      return { ...s, lastIdentityCheck: compact({ method, passed, at: checkedAt, by: checkedBy, caseRef }) };
    }
    case 'MemberClosed':
      return anonymised(s, event.data.closedAt);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function withoutActivation(state: Member): Member {
  const { memberNo: _memberNo, activatedAt: _activatedAt, ...rest } = state;
  return rest;
}

/** Only what analytics and history need survives a closure: ids, store, dates, status. */
function anonymised(state: Member, closedAt: string): Member {
  const { memberId, storeId, status, submittedAt, registeredBy, memberNo, activatedAt, applicationNo } = state;
  return {
    memberId,
    storeId,
    status,
    submittedAt,
    registeredBy,
    memberNo,
    activatedAt,
    applicationNo,
    name: CLOSED_MEMBER_NAME,
    mobile: '',
    missingFields: [],
    reviewNotesCount: state.reviewNotesCount,
    supplementRequestsCount: state.supplementRequestsCount,
    closedAt,
  };
}
