import type { Actor } from '@cs/eventstore';
import type { Member } from '../member/member.state.js';
import { presentMobile } from '@cs/nest-common';

/** What staff see of a member; the mobile is masked unless the role needs it (R96, §1.7.6). */
export function toMemberView(state: Member, version: number, actor: Actor | undefined) {
  const self = actor?.role === 'customer' && actor.id === state.memberId;
  return {
    id: state.memberId,
    memberNo: state.memberNo ?? null,
    storeId: state.storeId,
    status: state.status,
    tier: state.status === 'active' ? 'standard' : null,
    name: state.name,
    mobile: presentMobile(state.mobile, actor, self),
    gender: state.gender ?? null,
    birthDate: state.birthDate ?? null,
    email: state.email ?? null,
    postalAddress: state.postalAddress ?? null,
    preferences: state.preferences ?? null,
    marketingConsent: state.marketingConsent ?? null,
    missingFields: state.missingFields,
    submittedAt: state.submittedAt,
    activatedAt: state.activatedAt ?? null,
    registeredBy: state.registeredBy,
    version,
  };
}
