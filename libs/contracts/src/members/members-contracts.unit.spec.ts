import { rejectedFields } from '@cs/testing';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { validatePayload } from '@cs/messaging';
import {
  GetMemberQuery,
  ListMembersQuery,
  MemberActivatedV1,
  memberActivatedV1,
  memberActivatedV1Example,
  MemberApplicationSubmittedV1,
  memberApplicationSubmittedV1,
  memberApplicationSubmittedV1Example,
  MemberApplicationSupplementedV1,
  memberApplicationSupplementedV1,
  memberApplicationSupplementedV1Example,
  MemberClosedV1,
  memberClosedV1,
  memberClosedV1Example,
  MemberHistoryQuery,
  MembersEvents,
  MembersRpc,
  MemberSupplementRequestedV1,
  memberSupplementRequestedV1,
  memberSupplementRequestedV1Example,
  ReviewMemberCommand,
  ReviewMemberRequest,
  ReviewQueueQuery,
  SubmitMemberApplicationRequest,
  SupplementMemberCommand,
  SupplementMemberRequest,
} from './index.js';

const fixtures: Array<[string, ClassConstructor<object>, object]> = [
  ['MemberApplicationSubmittedV1', MemberApplicationSubmittedV1, memberApplicationSubmittedV1Example],
  ['MemberSupplementRequestedV1', MemberSupplementRequestedV1, memberSupplementRequestedV1Example],
  ['MemberApplicationSupplementedV1', MemberApplicationSupplementedV1, memberApplicationSupplementedV1Example],
  ['MemberActivatedV1', MemberActivatedV1, memberActivatedV1Example],
  ['MemberClosedV1', MemberClosedV1, memberClosedV1Example],
];


const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('Members contracts', () => {
  describe('when checking the integration event fixtures', () => {
    it.each(fixtures)('should validate the %s example against its class', async (_name, cls, example) => {
      expect(await validate(plainToInstance(cls, example))).toEqual([]);
      expect(await rejectedFields(cls, example)).toEqual([]);
    });

    it.each(fixtures)('should refuse a %s without memberId, naming the field', async (_name, cls, example) => {
      const { memberId: _m, ...invalid } = example as { memberId: string };
      const errors = await validate(plainToInstance(cls, invalid));
      expect(errors.map((e) => e.property)).toEqual(['memberId']);
    });

    it.each(fixtures)('should never carry the mobile or birth date in %s', async (_name, cls, example) => {
      expect(Object.keys(example)).not.toEqual(expect.arrayContaining(['mobile']));
      expect(Object.keys(example)).not.toEqual(expect.arrayContaining(['birthDate']));
      expect(await rejectedFields(cls, { ...example, mobile: '13812341234', birthDate: '1990-05-17' })).toEqual([
        'mobile',
        'birthDate',
      ]);
    });

    it('should refuse an activation at a tier other than standard', async () => {
      const errors = await validate(plainToInstance(MemberActivatedV1, { ...memberActivatedV1Example, tier: 'gold' }));
      expect(errors.map((e) => e.property)).toEqual(['tier']);
    });

    it('should refuse a supplement request naming an unknown or no field', async () => {
      const bad = await validate(
        plainToInstance(MemberSupplementRequestedV1, { ...memberSupplementRequestedV1Example, missingFields: ['mobile'] }),
      );
      const empty = await validate(
        plainToInstance(MemberSupplementRequestedV1, { ...memberSupplementRequestedV1Example, missingFields: [] }),
      );
      expect(bad.map((e) => e.property)).toEqual(['missingFields']);
      expect(empty.map((e) => e.property)).toEqual(['missingFields']);
    });

    it('should list every descriptor with a versioned subject', () => {
      expect(MembersEvents.map((d) => d.type)).toEqual([
        'members.MemberApplicationSubmitted',
        'members.MemberSupplementRequested',
        'members.MemberApplicationSupplemented',
        'members.MemberActivated',
        'members.MemberClosed',
      ]);
      for (const d of MembersEvents) expect(d.subject).toBe(`members.evt.${d.type.slice('members.'.length)}.v${d.version}`);
    });

    it('should keep the published contracts unchanged', () => {
      expect({
        descriptors: [memberApplicationSubmittedV1, memberSupplementRequestedV1, memberApplicationSupplementedV1, memberActivatedV1, memberClosedV1],
        fixtures: Object.fromEntries(fixtures.map(([name, , example]) => [name, example])),
        rpc: MembersRpc,
      }).toMatchSnapshot();
    });
  });

  describe('when validating SubmitMemberApplicationRequest', () => {
    const good = {
      storeId: 'store-sh-012',
      name: '王芳',
      mobile: '13812341234',
      gender: 'female',
      birthDate: '1990-05-17',
      email: 'wang@example.com',
      postalAddress: '上海市黄浦区南京东路 100 号',
      preferences: { styles: ['casual'], sizes: ['M'], colours: ['navy'] },
      marketingConsent: { sms: true, post: false, phone: true },
    };

    it('should accept a complete application', async () => {
      const dto = await validatePayload(SubmitMemberApplicationRequest, good);
      expect(dto).toBeInstanceOf(SubmitMemberApplicationRequest);
      expect(dto).toMatchObject(good);
    });

    it('should accept only the mandatory fields', async () => {
      expect(await rejectedFields(SubmitMemberApplicationRequest, { storeId: 's', name: 'A', mobile: '13900000000' })).toEqual([]);
    });

    it('should accept a birth date of today', async () => {
      expect(await rejectedFields(SubmitMemberApplicationRequest, { ...good, birthDate: isoDay(0) })).toEqual([]);
    });

    it.each([
      ['mobile', '1381234123'],
      ['mobile', '23812341234'],
      ['mobile', '138-1234-1234'],
      ['mobile', 13812341234],
      ['birthDate', '1990-5-17'],
      ['birthDate', '1990-02-30'],
      ['birthDate', '17/05/1990'],
      ['birthDate', isoDay(2)],
      ['birthDate', '1899-12-31'],
      ['gender', 'unknown'],
      ['email', 'not-an-email'],
      ['name', ''],
      ['name', '   '],
      ['name', 'x'.repeat(51)],
      ['storeId', ''],
      ['postalAddress', ''],
    ])('should reject %s = %p', async (field, value) => {
      expect(await rejectedFields(SubmitMemberApplicationRequest, { ...good, [field]: value })).toEqual([field]);
    });

    it.each(['storeId', 'name', 'mobile'])('should reject a missing %s', async (field) => {
      const { [field as keyof typeof good]: _omit, ...rest } = good;
      expect(await rejectedFields(SubmitMemberApplicationRequest, rest)).toEqual([field]);
    });

    it.each(['preferences', 'marketingConsent'])('should reject an array as %s', async (field) => {
      expect(await rejectedFields(SubmitMemberApplicationRequest, { ...good, [field]: [] })).toEqual([field]);
    });

    it('should reject malformed nested preferences and consent, naming the nested field', async () => {
      expect(
        await rejectedFields(SubmitMemberApplicationRequest, { ...good, preferences: { styles: 'casual' } }),
      ).toEqual(['preferences.styles']);
      expect(
        await rejectedFields(SubmitMemberApplicationRequest, { ...good, marketingConsent: { sms: 'yes' } }),
      ).toEqual(['marketingConsent.sms']);
      expect(
        await rejectedFields(SubmitMemberApplicationRequest, { ...good, marketingConsent: { email: true } }),
      ).toEqual(['marketingConsent.email']);
    });

    it('should reject an unknown property', async () => {
      expect(await rejectedFields(SubmitMemberApplicationRequest, { ...good, idCardNo: '310101199005170000' })).toEqual([
        'idCardNo',
      ]);
    });
  });

  describe('when validating ReviewMemberRequest and ReviewMemberCommand', () => {
    it('should accept an approval without missing fields', async () => {
      expect(await rejectedFields(ReviewMemberRequest, { decision: 'approve', note: 'ok' })).toEqual([]);
    });

    it('should accept a supplement request naming fields', async () => {
      expect(
        await rejectedFields(ReviewMemberRequest, { decision: 'request_supplement', missingFields: ['gender', 'birthDate'] }),
      ).toEqual([]);
    });

    it.each([
      ['decision', { decision: 'reject' }],
      ['missingFields', { decision: 'request_supplement' }],
      ['missingFields', { decision: 'request_supplement', missingFields: [] }],
      ['missingFields', { decision: 'request_supplement', missingFields: ['bloodType'] }],
      ['missingFields', { decision: 'request_supplement', missingFields: ['mobile'] }],
      ['note', { decision: 'approve', note: 'x'.repeat(501) }],
      ['memberNo', { decision: 'approve', memberNo: '000001' }],
    ])('should reject a bad %s', async (field, payload) => {
      expect(await rejectedFields(ReviewMemberRequest, payload)).toEqual([field]);
    });

    it('should require the memberId on the command', async () => {
      expect(await rejectedFields(ReviewMemberCommand, { decision: 'approve' })).toEqual(['memberId']);
      expect(await rejectedFields(ReviewMemberCommand, { decision: 'approve', memberId: 'm-1' })).toEqual([]);
    });
  });

  describe('when naming missing fields', () => {
    it('should refuse repeated or too many missing fields', async () => {
      expect(await rejectedFields(ReviewMemberRequest, { decision: 'request_supplement', missingFields: ['gender', 'gender'] })).toEqual(['missingFields']);
    });
  });

  describe('when validating SupplementMemberRequest and SupplementMemberCommand', () => {
    it('should accept the supplemented fields', async () => {
      expect(
        await rejectedFields(SupplementMemberRequest, {
          gender: 'male',
          birthDate: '1988-12-01',
          postalAddress: '北京市朝阳区',
          marketingConsent: { post: true },
        }),
      ).toEqual([]);
    });

    it('should refuse changing the mobile', async () => {
      expect(await rejectedFields(SupplementMemberRequest, { mobile: '13900000000' })).toEqual(['mobile']);
    });

    it.each([
      ['birthDate', isoDay(2)],
      ['birthDate', '1988/12/01'],
      ['gender', 'M'],
      ['name', ' '],
      ['email', 'a@'],
    ])('should reject %s = %p', async (field, value) => {
      expect(await rejectedFields(SupplementMemberRequest, { [field]: value })).toEqual([field]);
    });

    it('should require the memberId on the command', async () => {
      expect(await rejectedFields(SupplementMemberCommand, { gender: 'male' })).toEqual(['memberId']);
    });
  });

  describe('when validating the queries', () => {
    it('should accept numeric limits, as numbers or numeric strings', async () => {
      const q = await validatePayload(ListMembersQuery, { storeId: 's1', status: 'active', tier: 'standard', q: '王', limit: 50 });
      expect(q.limit).toBe(50);
      const fromString = await validatePayload(ReviewQueueQuery, { date: '2025-03-01', limit: '20', cursor: 'abc' });
      expect(fromString.limit).toBe(20);
    });

    it.each([0, 201, 1.5, 'ten'])('should reject limit = %p', async (limit) => {
      expect(await rejectedFields(ListMembersQuery, { limit })).toEqual(['limit']);
      expect(await rejectedFields(ReviewQueueQuery, { limit })).toEqual(['limit']);
    });

    it('should reject an unknown status and a malformed review date', async () => {
      expect(await rejectedFields(ListMembersQuery, { status: 'deleted' })).toEqual(['status']);
      expect(await rejectedFields(ReviewQueueQuery, { date: '2025-3-1' })).toEqual(['date']);
      expect(await rejectedFields(ReviewQueueQuery, { date: '2025-02-29' })).toEqual(['date']);
    });

    it('should validate GetMemberQuery and MemberHistoryQuery', async () => {
      expect(await rejectedFields(GetMemberQuery, { memberId: 'm-1', asOf: '2025-03-01T00:00:00Z' })).toEqual([]);
      expect(await rejectedFields(GetMemberQuery, { memberId: 'm-1', asOf: 'yesterday' })).toEqual(['asOf']);
      expect(await rejectedFields(GetMemberQuery, {})).toEqual(['memberId']);
      expect(await rejectedFields(MemberHistoryQuery, { memberId: 'm-1' })).toEqual([]);
      expect(await rejectedFields(MemberHistoryQuery, { memberId: '' })).toEqual(['memberId']);
    });
  });
});
