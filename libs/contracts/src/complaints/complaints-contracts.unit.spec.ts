import { rejectedFields } from '@cs/testing';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { validatePayload } from '@cs/messaging';
import {
  AcceptSolutionCommand,
  AcceptSolutionRequest,
  AssignComplaintCommand,
  ClassifyComplaintRequest,
  CloseComplaintRequest,
  ComplaintClosedV1,
  complaintClosedV1,
  complaintClosedV1Example,
  ComplaintCompensationGrantedV1,
  complaintCompensationGrantedV1,
  complaintCompensationGrantedV1Example,
  ComplaintEscalatedV1,
  complaintEscalatedV1,
  complaintEscalatedV1Example,
  ComplaintFiledV1,
  complaintFiledV1,
  complaintFiledV1Example,
  ComplaintHistoryQuery,
  ComplaintResolvedV1,
  complaintResolvedV1,
  complaintResolvedV1Example,
  ComplaintsEvents,
  ComplaintSlaBreachedV1,
  complaintSlaBreachedV1,
  complaintSlaBreachedV1Example,
  ComplaintsRpc,
  EscalateComplaintRequest,
  FileComplaintCommand,
  FileComplaintRequest,
  FirstResponseRequest,
  GetComplaintQuery,
  InvalidateComplaintRequest,
  ListComplaintsQuery,
  ProposeSolutionCommand,
  ProposeSolutionRequest,
  RejectSolutionCommand,
  ReopenComplaintRequest,
  ResolveComplaintRequest,
} from '../index.js';

const fixtures: Array<[string, ClassConstructor<object>, object]> = [
  ['ComplaintFiledV1', ComplaintFiledV1, complaintFiledV1Example],
  ['ComplaintEscalatedV1', ComplaintEscalatedV1, complaintEscalatedV1Example],
  ['ComplaintCompensationGrantedV1', ComplaintCompensationGrantedV1, complaintCompensationGrantedV1Example],
  ['ComplaintResolvedV1', ComplaintResolvedV1, complaintResolvedV1Example],
  ['ComplaintClosedV1', ComplaintClosedV1, complaintClosedV1Example],
  ['ComplaintSlaBreachedV1', ComplaintSlaBreachedV1, complaintSlaBreachedV1Example],
];


describe('Complaints contracts', () => {
  describe('when checking the integration event fixtures', () => {
    it.each(fixtures)('should validate the %s example against its class', async (_name, cls, example) => {
      expect(await validate(plainToInstance(cls, example))).toEqual([]);
      expect(await rejectedFields(cls, example)).toEqual([]);
    });

    it.each(fixtures)('should refuse a %s without complaintId, naming the field', async (_name, cls, example) => {
      const { complaintId: _c, ...invalid } = example as { complaintId: string };
      expect(await rejectedFields(cls, invalid)).toEqual(['complaintId']);
    });

    it.each(fixtures)('should never carry the customer mobile or name in %s', async (_name, cls, example) => {
      expect(Object.keys(example)).not.toEqual(expect.arrayContaining(['mobile']));
      expect(await rejectedFields(cls, { ...example, customer: { name: 'Wang', mobile: '13812341234' }, mobile: '13812341234' })).toEqual([
        'customer',
        'mobile',
      ]);
    });

    it.each([
      ['amount', -1],
      ['amount', 12.5],
      ['kind', 'cash'],
      ['quantity', 0],
    ])('should refuse a compensation grant with %s = %p', async (field, value) => {
      expect(await rejectedFields(ComplaintCompensationGrantedV1, { ...complaintCompensationGrantedV1Example, [field]: value })).toEqual([
        field,
      ]);
    });

    it('should refuse an escalation to the lowest level and a breach of an unknown clock', async () => {
      expect(await rejectedFields(ComplaintEscalatedV1, { ...complaintEscalatedV1Example, toLevel: 'store_staff' })).toEqual(['toLevel']);
      expect(await rejectedFields(ComplaintSlaBreachedV1, { ...complaintSlaBreachedV1Example, clock: 'handled' })).toEqual(['clock']);
    });

    it('should refuse a non-ISO due instant and a satisfaction outside 1..5', async () => {
      expect(await rejectedFields(ComplaintFiledV1, { ...complaintFiledV1Example, resolutionDueAt: 'tomorrow' })).toEqual(['resolutionDueAt']);
      expect(await rejectedFields(ComplaintClosedV1, { ...complaintClosedV1Example, satisfaction: 6 })).toEqual(['satisfaction']);
    });

    it('should list every descriptor with a versioned subject', () => {
      expect(ComplaintsEvents.map((d) => d.type)).toEqual([
        'complaints.ComplaintFiled',
        'complaints.ComplaintEscalated',
        'complaints.ComplaintCompensationGranted',
        'complaints.ComplaintResolved',
        'complaints.ComplaintClosed',
        'complaints.ComplaintSlaBreached',
        'complaints.ComplaintClassified',
        'complaints.ComplaintAssigned',
        'complaints.ComplaintReopened',
        'complaints.ComplaintSlaWarning',
        'complaints.ComplaintPromiseOverdue',
        'complaints.ComplaintMerged',
        'complaints.ComplaintSplit',
        'complaints.ComplaintNotificationRequested',
        'complaints.CallbackScheduled',
        'complaints.CallbackCompleted',
        'complaints.CallbackUnreachable',
        'complaints.StaffComplaintFiled',
        'complaints.StaffComplaintWithdrawn',
        'complaints.StaffComplaintUpheld',
        'complaints.SurveyResponseRecorded',
        'complaints.CaseEntryPublished',
      ]);
      for (const d of ComplaintsEvents) {
        expect(d.subject).toBe(`complaints.evt.${d.type.slice('complaints.'.length)}.v${d.version}`);
      }
    });

    it('should name every RPC subject complaints.rpc.<Name>', () => {
      for (const [name, subject] of Object.entries(ComplaintsRpc)) expect(subject).toBe(`complaints.rpc.${name}`);
      expect(Object.keys(ComplaintsRpc)).toHaveLength(23);
    });

    it('should keep the published contracts unchanged', () => {
      expect({
        descriptors: [
          complaintFiledV1,
          complaintEscalatedV1,
          complaintCompensationGrantedV1,
          complaintResolvedV1,
          complaintClosedV1,
          complaintSlaBreachedV1,
        ],
        fixtures: Object.fromEntries(fixtures.map(([name, , example]) => [name, example])),
        rpc: ComplaintsRpc,
      }).toMatchSnapshot();
    });
  });

  describe('when validating FileComplaintRequest', () => {
    const good = {
      channel: 'phone',
      source: 'store',
      storeId: 'store-sh-012',
      memberId: 'm-1',
      description: 'Jacket seam split after one wash',
      category: 'PRODUCT_QUALITY',
      orderRef: 'POS-88812',
      slaPolicy: 'ecommerce',
    };
    const { memberId: _m, ...withoutMember } = good;

    it('should accept a member complaint', async () => {
      const dto = await validatePayload(FileComplaintRequest, good);
      expect(dto).toBeInstanceOf(FileComplaintRequest);
      expect(dto).toMatchObject(good);
    });

    it('should accept a walk-in customer instead of a member, and leave the SLA policy to the service (R3)', async () => {
      const { slaPolicy: _s, ...rest } = withoutMember;
      const dto = await validatePayload(FileComplaintRequest, { ...rest, customer: { name: '王芳', mobile: '13812341234' } });
      expect(dto.slaPolicy).toBeUndefined();
      expect(dto.customer).toEqual({ name: '王芳', mobile: '13812341234' });
    });

    it('should require a member or a customer (R13), naming both fields', async () => {
      expect(await rejectedFields(FileComplaintRequest, withoutMember)).toEqual(['memberId', 'customer']);
    });

    it.each([
      ['customer.mobile', { name: 'Wang', mobile: '1381234123' }],
      ['customer.mobile', { name: 'Wang', mobile: '23812341234' }],
      ['customer.name', { name: ' ', mobile: '13812341234' }],
      ['customer.name', { name: 'x'.repeat(51), mobile: '13812341234' }],
      ['customer.email', { name: 'Wang', mobile: '13812341234', email: 'a@b.c' }],
    ])('should reject %s in %j', async (field, customer) => {
      expect(await rejectedFields(FileComplaintRequest, { ...withoutMember, customer })).toEqual([field]);
    });

    it.each([
      ['channel', 'fax'],
      ['source', 'region'],
      ['storeId', ''],
      ['description', ''],
      ['description', '   '],
      ['description', 'x'.repeat(2001)],
      ['category', 'WEATHER'],
      ['slaPolicy', 'VIP policy!'],
      ['severity', 'P1'],
    ])('should reject %s = %p', async (field, value) => {
      expect(await rejectedFields(FileComplaintRequest, { ...good, [field]: value })).toEqual([field]);
    });

    it('should accept any defined SLA policy id (the service refuses unknown ones)', async () => {
      expect(await rejectedFields(FileComplaintRequest, { ...good, slaPolicy: 'vip' })).toEqual([]);
    });

    it('should accept an optional complaint id on the RPC command', async () => {
      expect(await rejectedFields(FileComplaintCommand, { ...good, complaintId: 'c-1' })).toEqual([]);
    });
  });

  describe('when validating money and instants', () => {
    it.each([1e300, 10_000_000_001, -1, 1.5])('should refuse a compensation amount of %p fen', async (amount) => {
      expect(await rejectedFields(ProposeSolutionRequest, { description: 'Refund', compensation: { kind: 'refund', amount } })).toEqual(['compensation.amount']);
    });

    it.each(['2026-005', '2026-01-05T10:00', '2026-02-30T10:00:00Z'])('should refuse expectedResolutionAt %p', async (expectedResolutionAt) => {
      expect(await rejectedFields(ProposeSolutionRequest, { description: 'Refund', expectedResolutionAt })).toEqual(['expectedResolutionAt']);
    });
  });

  describe('when validating the complaint action requests', () => {
    it.each<[string, ClassConstructor<object>, object]>([
      ['ClassifyComplaintRequest', ClassifyComplaintRequest, { category: 'LOGISTICS', severity: 'P2' }],
      ['FirstResponseRequest', FirstResponseRequest, { message: 'We are looking into it' }],
      ['EscalateComplaintRequest', EscalateComplaintRequest, { toLevel: 'hq_manager', reason: 'Beyond authority' }],
      ['AcceptSolutionRequest', AcceptSolutionRequest, {}],
      ['ResolveComplaintRequest', ResolveComplaintRequest, { outcome: 'Exchanged' }],
      ['CloseComplaintRequest', CloseComplaintRequest, { satisfaction: 5, note: 'ok' }],
      ['CloseComplaintRequest', CloseComplaintRequest, {}],
      ['ReopenComplaintRequest', ReopenComplaintRequest, { reason: 'Broke again' }],
      ['InvalidateComplaintRequest', InvalidateComplaintRequest, { reason: 'not_ours', explanation: 'Courier issue' }],
      ['ProposeSolutionRequest', ProposeSolutionRequest, { description: 'Refund', compensation: { kind: 'refund', amount: 29900 } }],
    ])('should accept a valid %s', async (_name, cls, payload) => {
      expect(await rejectedFields(cls, payload)).toEqual([]);
    });

    it.each<[string, ClassConstructor<object>, object]>([
      ['severity', ClassifyComplaintRequest, { category: 'LOGISTICS', severity: 'P4' }],
      ['toLevel', EscalateComplaintRequest, { toLevel: 'store_staff', reason: 'x' }],
      ['reason', EscalateComplaintRequest, { toLevel: 'hq_agent' }],
      ['satisfaction', CloseComplaintRequest, { satisfaction: 0 }],
      ['outcome', ResolveComplaintRequest, { outcome: '' }],
      ['explanation', InvalidateComplaintRequest, { reason: 'invalid' }],
      ['duplicateOfComplaintId', InvalidateComplaintRequest, { reason: 'duplicate', explanation: 'Same as before' }],
      ['reason', InvalidateComplaintRequest, { reason: 'spam', explanation: 'x' }],
      ['solutionNo', AcceptSolutionRequest, { solutionNo: 1 }],
      ['compensation.amount', ProposeSolutionRequest, { description: 'x', compensation: { kind: 'refund', amount: 1.5 } }],
      ['compensation.amount', ProposeSolutionRequest, { description: 'x', compensation: { kind: 'refund', amount: -100 } }],
      ['compensation.kind', ProposeSolutionRequest, { description: 'x', compensation: { kind: 'cash' } }],
      ['compensation', ProposeSolutionRequest, { description: 'x', compensation: 'a gift' }],
      ['expectedResolutionAt', ProposeSolutionRequest, { description: 'x', expectedResolutionAt: 'soon' }],
    ])('should reject a bad %s', async (field, cls, payload) => {
      expect(await rejectedFields(cls, payload)).toEqual([field]);
    });

    it('should add the ids on the RPC commands, with the solution number from the path', async () => {
      const accept = await validatePayload(AcceptSolutionCommand, { complaintId: 'c-1', solutionNo: '2' });
      expect(accept.solutionNo).toBe(2);
      expect(await rejectedFields(AcceptSolutionCommand, { complaintId: 'c-1', solutionNo: 0 })).toEqual(['solutionNo']);
      expect(await rejectedFields(RejectSolutionCommand, { complaintId: 'c-1', solutionNo: '1.5', reason: 'no' })).toEqual(['solutionNo']);
      expect(await rejectedFields(AssignComplaintCommand, { assigneeId: 'a-1' })).toEqual(['complaintId']);
      expect(
        await rejectedFields(ProposeSolutionCommand, { complaintId: 'c-1', description: 'Gift', compensation: { kind: 'gift', giftSku: 'G-1' } }),
      ).toEqual([]);
    });
  });

  describe('when validating the queries', () => {
    it('should convert query-string values of the list query', async () => {
      const q = await validatePayload(ListComplaintsQuery, { breached: 'true', limit: '50', status: 'assigned', storeId: 's-1' });
      expect(q).toMatchObject({ breached: true, limit: 50, status: 'assigned' });
    });

    it.each([
      ['limit', '0'],
      ['limit', 201],
      ['breached', 'yes'],
      ['status', 'open'],
    ])('should reject %s = %p', async (field, value) => {
      expect(await rejectedFields(ListComplaintsQuery, { [field]: value })).toEqual([field]);
    });

    it('should validate the get and history queries', async () => {
      expect(await rejectedFields(GetComplaintQuery, { complaintId: 'c-1', asOf: '2026-01-05T01:00:00Z' })).toEqual([]);
      expect(await rejectedFields(GetComplaintQuery, { complaintId: 'c-1', asOf: 'yesterday' })).toEqual(['asOf']);
      expect(await rejectedFields(ComplaintHistoryQuery, {})).toEqual(['complaintId']);
    });
  });
});
