import type { RecordedEvent } from '@cs/eventstore';
import { publication, type Publication } from '@cs/messaging';
import {
  memberActivatedV1,
  memberApplicationSubmittedV1,
  memberApplicationSupplementedV1,
  memberClosedV1,
  memberSupplementRequestedV1,
} from '@cs/contracts';
import type { MemberEvent } from '../member/member.events.js';

/**
 * Stored member events → public v1 contracts. Personal data is cut to what consumers need
 * (name for case views); mobile, birth date and address never leave the service.
 */
export function membersPublicationMap(recorded: RecordedEvent): Publication[] {
  const event = { type: recorded.type, data: recorded.data } as MemberEvent;
  switch (event.type) {
    case 'MemberApplicationSubmitted':
      return [publication(memberApplicationSubmittedV1, {
        memberId: event.data.memberId,
        storeId: event.data.storeId,
        name: event.data.name,
        status: 'pending_review',
        ...(event.data.applicationNo ? { applicationNo: event.data.applicationNo } : {}),
        submittedAt: event.data.submittedAt,
      })];
    case 'MemberSupplementRequested':
      return [publication(memberSupplementRequestedV1, {
        memberId: event.data.memberId,
        storeId: event.data.storeId,
        name: event.data.name,
        status: 'needs_supplement',
        missingFields: event.data.missingFields,
        ...(event.data.note ? { note: event.data.note } : {}),
        requestedAt: event.data.requestedAt,
      })];
    case 'MemberApplicationSupplemented':
      return [publication(memberApplicationSupplementedV1, {
        memberId: event.data.memberId,
        storeId: event.data.storeId,
        name: event.data.name,
        status: 'pending_review',
        supplementedFields: Object.keys(event.data.fields),
        supplementedAt: event.data.supplementedAt,
      })];
    case 'MemberApproved':
      return [publication(memberActivatedV1, {
        memberId: event.data.memberId,
        memberNo: event.data.memberNo,
        storeId: event.data.storeId,
        name: event.data.name,
        status: 'active',
        tier: 'standard',
        activatedAt: event.data.activatedAt,
      })];
    // closure: every member directory anonymises the member (no reason: it may be personal)
    case 'MemberClosed':
      return [publication(memberClosedV1, { memberId: event.data.memberId, storeId: event.data.storeId, status: 'closed', closedAt: event.data.closedAt })];
    // profile upkeep stays inside the service: contact data, preferences and consent are personal,
    // and no consumer keeps them (the name, which directories keep, changes only by a supplement)
    case 'MemberContactChanged':
    case 'MemberPreferencesUpdated':
    case 'MemberConsentUpdated':
    case 'MemberIdentityChecked':
      return [];
    default: {
      const _exhaustive: never = event;
      void _exhaustive;
      return [];
    }
  }
}
