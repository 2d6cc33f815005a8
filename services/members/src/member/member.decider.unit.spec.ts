import { DomainError, type Actor } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { ReviewApplication, SubmitApplication, SupplementApplication } from './member.commands.js';
import { memberDecider, memberStreamId, MEMBER_STREAM_TYPE } from './member.decider.js';
import type {
  MemberApplicationSubmitted,
  MemberApplicationSupplemented,
  MemberApproved,
  MemberEvent,
  MemberSupplementRequested,
} from './member.events.js';
import { DEFAULT_REQUIRED_MEMBER_FIELDS } from './member.values.js';

const spec = DeciderSpecification(memberDecider);
const memberId = 'm-1';
const storeStaff: Actor = { id: 'staff-7', role: 'store_staff', storeId: 'store-12' };
const hqAgent: Actor = { id: 'hq-3', role: 'hq_cs_agent' };
const T0 = '2025-03-01T02:00:00.000Z';
const T1 = '2025-03-02T03:00:00.000Z';
const T2 = '2025-03-02T05:00:00.000Z';

const submitMinimal: SubmitApplication = {
  type: 'SubmitApplication',
  memberId,
  storeId: 'store-12',
  name: '王芳',
  mobile: '13812341234',
  now: T0,
  actor: storeStaff,
};
const submitComplete: SubmitApplication = {
  ...submitMinimal,
  gender: 'female',
  birthDate: '1990-05-17',
  postalAddress: '上海市黄浦区南京东路 100 号',
  email: 'wang@example.com',
  preferences: { styles: ['casual'], sizes: ['M'] },
  marketingConsent: { sms: true, post: false },
};

const submitted = (cmd: SubmitApplication = submitMinimal): MemberApplicationSubmitted => {
  const { type: _t, now, actor, ...fields } = cmd;
  return { type: 'MemberApplicationSubmitted', data: { ...fields, status: 'pending_review', submittedAt: now, registeredBy: actor.id } };
};
const completeSubmitted = submitted(submitComplete);
const supplementRequested: MemberSupplementRequested = {
  type: 'MemberSupplementRequested',
  data: { memberId, storeId: 'store-12', name: '王芳', missingFields: ['gender', 'birthDate', 'postalAddress'], note: '请补充', requestedBy: hqAgent.id, requestedAt: T1 },
};
const supplemented: MemberApplicationSupplemented = {
  type: 'MemberApplicationSupplemented',
  data: {
    memberId,
    storeId: 'store-12',
    name: '王芳',
    fields: { gender: 'female', birthDate: '1990-05-17', postalAddress: '上海市黄浦区南京东路 100 号' },
    supplementedBy: storeStaff.id,
    supplementedAt: T2,
  },
};
const approved: MemberApproved = {
  type: 'MemberApproved',
  data: { memberId, storeId: 'store-12', name: '王芳', memberNo: '000042', activatedAt: T1, reviewedBy: hqAgent.id },
};

const approve = (extra: Partial<ReviewApplication> = {}): ReviewApplication => ({
  type: 'ReviewApplication',
  memberId,
  decision: 'approve',
  memberNo: '000042',
  requiredFields: DEFAULT_REQUIRED_MEMBER_FIELDS,
  now: T1,
  actor: hqAgent,
  ...extra,
});
const requestSupplement = (missingFields: string[] | undefined, extra: Partial<ReviewApplication> = {}): ReviewApplication => ({
  type: 'ReviewApplication',
  memberId,
  decision: 'request_supplement',
  missingFields,
  note: '请补充',
  now: T1,
  actor: hqAgent,
  ...extra,
});
const supplement = (fields: SupplementApplication['fields']): SupplementApplication => ({
  type: 'SupplementApplication',
  memberId,
  fields,
  now: T2,
  actor: storeStaff,
});

const stateAfter = (events: MemberEvent[]) =>
  events.reduce((s, e) => memberDecider.evolve(s, e), memberDecider.initialState());

describe('Member', () => {
  describe('stream naming', () => {
    it('should prefix the member id', () => {
      expect(memberStreamId('abc')).toBe('member-abc');
      expect(MEMBER_STREAM_TYPE).toBe('member');
    });
  });

  describe('when the store submits an application', () => {
    it('should record it as pending review with only the mandatory fields', () => {
      spec.given([]).when(submitMinimal).then([
        {
          type: 'MemberApplicationSubmitted',
          data: {
            memberId,
            storeId: 'store-12',
            name: '王芳',
            mobile: '13812341234',
            status: 'pending_review',
            submittedAt: T0,
            registeredBy: 'staff-7',
          },
        },
      ]);
    });

    it('should keep every optional field supplied', () => {
      spec.given([]).when(submitComplete).then([completeSubmitted]);
    });

    it('should refuse a second submission to the same stream', () => {
      spec.given([submitted()]).when(submitMinimal).thenThrows(DomainError, 'MEMBER_ALREADY_EXISTS');
      expect(() => memberDecider.decide(submitMinimal, stateAfter([submitted()]))).toThrow(
        expect.objectContaining({ kind: 'conflict' }),
      );
    });

    it('should refuse a submission to an already active member', () => {
      spec.given([completeSubmitted, approved]).when(submitMinimal).thenThrows(DomainError, 'MEMBER_ALREADY_EXISTS');
    });

    it.each(['storeId', 'name', 'mobile'] as const)('should refuse a blank %s', (field) => {
      const cmd = { ...submitMinimal, [field]: '  ' };
      spec.given([]).when(cmd).thenThrows(DomainError, 'MEMBER_SUBMISSION_INCOMPLETE');
      expect(() => memberDecider.decide(cmd, memberDecider.initialState())).toThrow(
        expect.objectContaining({ kind: 'rule', details: { missingFields: [field] } }),
      );
    });

    it('should refuse a birth date after today', () => {
      spec.given([]).when({ ...submitMinimal, birthDate: '2025-03-02' }).thenThrows(DomainError, 'MEMBER_BIRTH_DATE_IN_FUTURE');
    });

    it('should accept a birth date of today', () => {
      spec.given([]).when({ ...submitMinimal, birthDate: '2025-03-01' }).thenMatches([{ type: 'MemberApplicationSubmitted' }]);
    });
  });

  describe('when HQ approves', () => {
    it('should activate a complete application with the assigned member number', () => {
      spec.given([completeSubmitted]).when(approve()).then([approved]);
    });

    it('should keep a review note on the approval', () => {
      spec.given([completeSubmitted]).when(approve({ note: 'ok' })).then([
        { ...approved, data: { ...approved.data, note: 'ok' } },
      ]);
    });

    it('should refuse an incomplete record and name the missing fields (R84)', () => {
      const run = () => memberDecider.decide(approve(), stateAfter([submitted()]));
      spec.given([submitted()]).when(approve()).thenThrows(DomainError, 'MEMBER_INCOMPLETE');
      expect(run).toThrow(
        expect.objectContaining({ kind: 'rule', details: { missingFields: ['gender', 'birthDate', 'postalAddress'] } }),
      );
    });

    it('should use the default required fields when none are configured', () => {
      spec.given([submitted()]).when(approve({ requiredFields: undefined })).thenThrows(DomainError, 'MEMBER_INCOMPLETE');
    });

    it('should honour a configured required-field list', () => {
      spec.given([submitted()]).when(approve({ requiredFields: ['name', 'mobile'] })).thenMatches([
        { type: 'MemberApproved' },
      ]);
      spec.given([completeSubmitted]).when(approve({ requiredFields: ['name', 'marketingConsent'] })).thenMatches([
        { type: 'MemberApproved' },
      ]);
      spec
        .given([{ ...completeSubmitted, data: { ...completeSubmitted.data, email: undefined } } as MemberEvent])
        .when(approve({ requiredFields: ['email'] }))
        .thenThrows(DomainError, 'MEMBER_INCOMPLETE');
    });

    it('should refuse a configured required field that does not exist', () => {
      spec.given([completeSubmitted]).when(approve({ requiredFields: ['name', 'shoeSize'] })).thenThrows(DomainError, 'MEMBER_UNKNOWN_FIELD');
    });

    it('should refuse an approval without a member number', () => {
      spec.given([completeSubmitted]).when(approve({ memberNo: undefined })).thenThrows(DomainError, 'MEMBER_NO_REQUIRED');
      spec.given([completeSubmitted]).when(approve({ memberNo: ' ' })).thenThrows(DomainError, 'MEMBER_NO_REQUIRED');
    });

    it('should refuse reviewing an active member', () => {
      spec.given([completeSubmitted, approved]).when(approve()).thenThrows(DomainError, 'MEMBER_NOT_PENDING_REVIEW');
      expect(() => memberDecider.decide(approve(), stateAfter([completeSubmitted, approved]))).toThrow(
        expect.objectContaining({ kind: 'conflict' }),
      );
    });

    it('should refuse reviewing while waiting for a supplement', () => {
      spec.given([submitted(), supplementRequested]).when(approve()).thenThrows(DomainError, 'MEMBER_NOT_PENDING_REVIEW');
    });

    it('should activate once the store has supplemented the missing fields', () => {
      spec.given([submitted(), supplementRequested, supplemented]).when(approve({ now: T2 })).then([
        { type: 'MemberApproved', data: { memberId, storeId: 'store-12', name: '王芳', memberNo: '000042', activatedAt: T2, reviewedBy: hqAgent.id } },
      ]);
    });
  });

  describe('when HQ requests a supplement', () => {
    it('should send the application back to the store with the missing fields', () => {
      spec.given([submitted()]).when(requestSupplement(['gender', 'birthDate', 'postalAddress'])).then([supplementRequested]);
    });

    it('should de-duplicate the missing fields and omit a blank note', () => {
      spec.given([submitted()]).when(requestSupplement(['gender', 'gender'], { note: '' })).then([
        {
          type: 'MemberSupplementRequested',
          data: { memberId, storeId: 'store-12', name: '王芳', missingFields: ['gender'], requestedBy: hqAgent.id, requestedAt: T1 },
        },
      ]);
    });

    it.each([[undefined], [[]]])('should refuse a request without missing fields (%p)', (missing) => {
      spec.given([submitted()]).when(requestSupplement(missing)).thenThrows(DomainError, 'MEMBER_MISSING_FIELDS_REQUIRED');
    });

    it('should refuse an unknown field name', () => {
      spec.given([submitted()]).when(requestSupplement(['gender', 'bloodType'])).thenThrows(DomainError, 'MEMBER_UNKNOWN_FIELD');
      expect(() => memberDecider.decide(requestSupplement(['bloodType']), stateAfter([submitted()]))).toThrow(
        expect.objectContaining({ kind: 'rule', details: { fields: ['bloodType'] } }),
      );
    });

    it('should refuse asking for the mobile, which cannot be supplemented', () => {
      spec.given([submitted()]).when(requestSupplement(['mobile'])).thenThrows(DomainError, 'MEMBER_FIELD_NOT_SUPPLEMENTABLE');
    });

    it('should refuse it on an unknown member', () => {
      spec.given([]).when(requestSupplement(['gender'])).thenThrows(DomainError, 'MEMBER_NOT_FOUND');
    });
  });

  describe('when the store supplements', () => {
    it('should record the fields and return to pending review', () => {
      spec
        .given([submitted(), supplementRequested])
        .when(supplement({ gender: 'female', birthDate: '1990-05-17', postalAddress: '上海市黄浦区南京东路 100 号' }))
        .then([supplemented]);
    });

    it('should drop undefined fields from the event', () => {
      spec.given([submitted(), supplementRequested]).when(supplement({ gender: 'male', email: undefined })).then([
        { type: 'MemberApplicationSupplemented', data: { memberId, storeId: 'store-12', name: '王芳', fields: { gender: 'male' }, supplementedBy: 'staff-7', supplementedAt: T2 } },
      ]);
    });

    it('should refuse an empty supplement', () => {
      spec.given([submitted(), supplementRequested]).when(supplement({})).thenThrows(DomainError, 'MEMBER_SUPPLEMENT_EMPTY');
      spec.given([submitted(), supplementRequested]).when(supplement({ email: undefined })).thenThrows(DomainError, 'MEMBER_SUPPLEMENT_EMPTY');
    });

    it('should refuse blank values', () => {
      spec.given([submitted(), supplementRequested]).when(supplement({ name: ' ', gender: 'male' })).thenThrows(DomainError, 'MEMBER_SUPPLEMENT_BLANK_FIELD');
      spec.given([submitted(), supplementRequested]).when(supplement({ preferences: {} })).thenThrows(DomainError, 'MEMBER_SUPPLEMENT_BLANK_FIELD');
    });

    it('should refuse changing the mobile', () => {
      const fields = { mobile: '13900000000' } as SupplementApplication['fields'];
      spec.given([submitted(), supplementRequested]).when(supplement(fields)).thenThrows(DomainError, 'MEMBER_MOBILE_NOT_CHANGEABLE');
    });

    it('should refuse an unknown field', () => {
      const fields = { gender: 'male', shoeSize: '42' } as SupplementApplication['fields'];
      spec.given([submitted(), supplementRequested]).when(supplement(fields)).thenThrows(DomainError, 'MEMBER_UNKNOWN_FIELD');
    });

    it('should refuse a birth date in the future', () => {
      spec.given([submitted(), supplementRequested]).when(supplement({ birthDate: '2030-01-01' })).thenThrows(DomainError, 'MEMBER_BIRTH_DATE_IN_FUTURE');
    });

    it('should refuse it when no supplement was requested', () => {
      spec.given([submitted()]).when(supplement({ gender: 'male' })).thenThrows(DomainError, 'MEMBER_NOT_AWAITING_SUPPLEMENT');
      spec.given([completeSubmitted, approved]).when(supplement({ gender: 'male' })).thenThrows(DomainError, 'MEMBER_NOT_AWAITING_SUPPLEMENT');
      expect(() => memberDecider.decide(supplement({ gender: 'male' }), stateAfter([submitted()]))).toThrow(
        expect.objectContaining({ kind: 'conflict' }),
      );
    });

    it('should refuse it on an unknown member', () => {
      spec.given([]).when(supplement({ gender: 'male' })).thenThrows(DomainError, 'MEMBER_NOT_FOUND');
      expect(() => memberDecider.decide(supplement({ gender: 'male' }), memberDecider.initialState())).toThrow(
        expect.objectContaining({ kind: 'not_found' }),
      );
    });
  });

  describe('when events are folded', () => {
    it('should start with no member', () => {
      expect(memberDecider.initialState()).toBeNull();
    });

    it('should keep the submitted record pending review', () => {
      expect(stateAfter([submitted()])).toEqual({
        memberId,
        storeId: 'store-12',
        name: '王芳',
        mobile: '13812341234',
        status: 'pending_review',
        missingFields: [],
        reviewNotesCount: 0,
        supplementRequestsCount: 0,
        submittedAt: T0,
        registeredBy: 'staff-7',
      });
    });

    it('should track missing fields, notes and supplements through the review loop', () => {
      const partial: MemberApplicationSupplemented = {
        ...supplemented,
        data: { ...supplemented.data, fields: { gender: 'female' } },
      };
      expect(stateAfter([submitted(), supplementRequested, partial])).toMatchObject({
        status: 'pending_review',
        gender: 'female',
        missingFields: ['birthDate', 'postalAddress'],
        reviewNotesCount: 1,
        supplementRequestsCount: 1,
      });
    });

    it('should hold the member number and activation instant once active', () => {
      expect(stateAfter([completeSubmitted, approved])).toMatchObject({
        status: 'active',
        memberNo: '000042',
        activatedAt: T1,
        missingFields: [],
        registeredBy: 'staff-7',
      });
    });

    it('should ignore events for a member that was never submitted', () => {
      expect(stateAfter([approved, supplementRequested, supplemented])).toBeNull();
    });
  });
});
