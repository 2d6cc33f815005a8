import { DomainError, type Actor } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { MemberCommand } from './member.commands.js';
import { memberDecider } from './member.decider.js';
import type { MemberEvent } from './member.events.js';
import { identityCheckedWithin } from './member.state.js';

const spec = DeciderSpecification(memberDecider);
const memberId = 'm-1';
const staff: Actor = { id: 'staff-7', role: 'store_staff', storeId: 'store-12' };
const T0 = '2025-03-01T02:00:00.000Z';
const T1 = '2025-03-05T02:00:00.000Z';

const submitted: MemberEvent = {
  type: 'MemberApplicationSubmitted',
  data: {
    memberId,
    storeId: 'store-12',
    name: '王芳',
    mobile: '13812341234',
    email: 'wang@example.com',
    postalAddress: '上海市南京东路 100 号',
    preferences: { styles: ['casual'] },
    marketingConsent: { sms: true, post: false },
    status: 'pending_review',
    submittedAt: T0,
    registeredBy: staff.id,
  },
};
const approved: MemberEvent = { type: 'MemberApproved', data: { memberId, storeId: 'store-12', name: '王芳', memberNo: '000042', activatedAt: T0, reviewedBy: 'hq-1' } };
const active = [submitted, approved];

type Cmd<T extends MemberCommand['type']> = Extract<MemberCommand, { type: T }>;
const cmd = <T extends MemberCommand['type']>(type: T, extra: Partial<Omit<Cmd<T>, 'type'>>): Cmd<T> =>
  ({ type, memberId, now: T1, actor: staff, ...extra }) as unknown as Cmd<T>;

describe('Member profile upkeep', () => {
  describe('when the contact of an active member changes', () => {
    it('should record only what differs, with the old mobile so its number is freed', () => {
      spec
        .given(active)
        .when(cmd('ChangeMemberContact', { mobile: '13900000000', email: 'wang@example.com' }))
        .then([
          {
            type: 'MemberContactChanged',
            data: { memberId, storeId: 'store-12', changes: { mobile: '13900000000' }, previousMobile: '13812341234', changedBy: staff.id, changedAt: T1 },
          },
        ]);
    });

    it('should change the address without touching the mobile', () => {
      spec
        .given(active)
        .when(cmd('ChangeMemberContact', { postalAddress: '北京市朝阳区' }))
        .then([{ type: 'MemberContactChanged', data: { memberId, storeId: 'store-12', changes: { postalAddress: '北京市朝阳区' }, changedBy: staff.id, changedAt: T1 } }]);
    });

    it('should do nothing when nothing differs', () => {
      spec.given(active).when(cmd('ChangeMemberContact', { mobile: '13812341234' })).thenNothingHappens();
    });

    it('should refuse an empty or blank change', () => {
      spec.given(active).when(cmd('ChangeMemberContact', {})).thenThrows(DomainError, 'MEMBER_CONTACT_CHANGE_EMPTY');
      spec.given(active).when(cmd('ChangeMemberContact', { email: ' ' })).thenThrows(DomainError, 'MEMBER_CONTACT_BLANK_FIELD');
    });

    it('should refuse upkeep of a member not yet active', () => {
      spec.given([submitted]).when(cmd('ChangeMemberContact', { email: 'x@example.com' })).thenThrows(DomainError, 'MEMBER_INVALID_TRANSITION');
      spec.given([submitted]).when(cmd('UpdateMemberPreferences', { preferences: { sizes: ['L'] } })).thenThrows(DomainError, 'MEMBER_INVALID_TRANSITION');
    });
  });

  describe('when preferences and consent change', () => {
    it('should replace the preferences, and ignore the same ones', () => {
      spec
        .given(active)
        .when(cmd('UpdateMemberPreferences', { preferences: { sizes: ['L'], colours: ['navy'] } }))
        .then([{ type: 'MemberPreferencesUpdated', data: { memberId, storeId: 'store-12', preferences: { sizes: ['L'], colours: ['navy'] }, updatedBy: staff.id, updatedAt: T1 } }]);
      spec.given(active).when(cmd('UpdateMemberPreferences', { preferences: { styles: ['casual'] } })).thenNothingHappens();
    });

    it('should change consent per channel, keeping the channels not named', () => {
      spec
        .given(active)
        .when(cmd('UpdateMarketingConsent', { marketingConsent: { post: true } }))
        .then([{ type: 'MemberConsentUpdated', data: { memberId, storeId: 'store-12', marketingConsent: { sms: true, post: true }, updatedBy: staff.id, updatedAt: T1 } }]);
      spec.given(active).when(cmd('UpdateMarketingConsent', { marketingConsent: { sms: true } })).thenNothingHappens();
    });
  });

  describe('when an agent checks a caller’s identity', () => {
    it('should record the method, the outcome and the case', () => {
      spec
        .given(active)
        .when(cmd('RecordIdentityCheck', { method: 'sms_code', passed: true, caseRef: 'C-9' }))
        .then([{ type: 'MemberIdentityChecked', data: { memberId, method: 'sms_code', passed: true, caseRef: 'C-9', checkedBy: staff.id, checkedAt: T1 } }]);
    });
  });

  describe('when the phone desk asks whether the caller was identified (R103)', () => {
    const check = (passed: boolean, at: string): MemberEvent => ({ type: 'MemberIdentityChecked', data: { memberId, method: 'sms_code', passed, checkedBy: 'agent-1', checkedAt: at } });
    const fold = (events: MemberEvent[]) => events.reduce(memberDecider.evolve, null)!;
    const T1_29 = '2025-03-05T02:29:00.000Z';
    const T1_31 = '2025-03-05T02:31:00.000Z';

    it('should say no without any check', () => {
      expect(identityCheckedWithin(fold(active), T1, 30)).toBe(false);
    });

    it('should say yes within the window of a passed check, and no after it', () => {
      expect(identityCheckedWithin(fold([...active, check(true, T1)]), T1_29, 30)).toBe(true);
      expect(identityCheckedWithin(fold([...active, check(true, T1)]), T1_31, 30)).toBe(false);
      expect(identityCheckedWithin(fold([...active, check(true, T1)]), T1_31, 60)).toBe(true);
    });

    it('should say no when the last check failed, even after a passed one', () => {
      expect(identityCheckedWithin(fold([...active, check(true, T1), check(false, T1)]), T1_29, 30)).toBe(false);
    });
  });

  describe('when the membership is closed', () => {
    const closed: MemberEvent = { type: 'MemberClosed', data: { memberId, storeId: 'store-12', reason: 'member request', mobile: '13812341234', closedBy: staff.id, closedAt: T1 } };

    it('should close it with the reason and the mobile to free', () => {
      spec.given(active).when(cmd('CloseMembership', { reason: ' member request ' })).then([closed]);
    });

    it('should carry the analytic attributes in clear: gender and the birth year and month, not the day', () => {
      const withBirth: MemberEvent = { ...submitted, data: { ...submitted.data, gender: 'female', birthDate: '1990-05-17' } };
      spec
        .given([withBirth, approved])
        .when(cmd('CloseMembership', { reason: 'member request' }))
        .then([{ ...closed, data: { ...closed.data, gender: 'female', birthYearMonth: '1990-05' } }]);
    });

    it('should refuse without a reason and refuse anything after', () => {
      spec.given(active).when(cmd('CloseMembership', { reason: ' ' })).thenThrows(DomainError, 'MEMBER_CLOSE_REASON_REQUIRED');
      spec.given([...active, closed]).when(cmd('ChangeMemberContact', { email: 'x@example.com' })).thenThrows(DomainError, 'MEMBER_INVALID_TRANSITION');
      spec.given([...active, closed]).when(cmd('CloseMembership', { reason: 'again' })).thenThrows(DomainError, 'MEMBER_INVALID_TRANSITION');
    });

    it('should keep no personal data in the folded state', () => {
      const state = [...active, closed].reduce(memberDecider.evolve, null)!;
      expect(state).toMatchObject({ status: 'closed', name: '(closed)', mobile: '', memberNo: '000042', closedAt: T1 });
      expect(JSON.stringify(state)).not.toMatch(/13812341234|wang@example.com|南京东路|casual/);
    });
  });
});

describe('Online membership (R101)', () => {
  const register = (extra: Partial<Cmd<'RegisterOnlineMember'>> = {}) =>
    cmd('RegisterOnlineMember', { storeId: 'ONLINE', name: '李雷', mobile: '13700000000', memberNo: '000100', receiptNo: 'WEB-1', ...extra });

  it('should enter and activate the buyer at the online store in one go', () => {
    spec
      .given([])
      .when(register())
      .then([
        {
          type: 'MemberApplicationSubmitted',
          data: { memberId, storeId: 'ONLINE', name: '李雷', mobile: '13700000000', applicationNo: 'online:WEB-1', status: 'pending_review', submittedAt: T1, registeredBy: staff.id },
        },
        { type: 'MemberApproved', data: { memberId, storeId: 'ONLINE', name: '李雷', memberNo: '000100', activatedAt: T1, reviewedBy: staff.id, note: 'online: first successful purchase' } },
      ]);
  });

  it('should refuse an existing member, a missing mobile and a missing member number', () => {
    spec.given(active).when(register()).thenThrows(DomainError, 'MEMBER_ALREADY_EXISTS');
    spec.given([]).when(register({ mobile: '' })).thenThrows(DomainError, 'MEMBER_SUBMISSION_INCOMPLETE');
    spec.given([]).when(register({ memberNo: '' })).thenThrows(DomainError, 'MEMBER_NO_REQUIRED');
  });
});
