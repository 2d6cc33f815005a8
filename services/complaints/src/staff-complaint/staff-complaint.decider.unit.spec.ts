import { DomainError, fold } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { FileStaffComplaint, StaffComplaintActor, StaffComplaintCommand } from './staff-complaint.commands.js';
import { staffComplaintDecider } from './staff-complaint.decider.js';
import type { StaffComplaintEvent } from './staff-complaint.events.js';

const spec = DeciderSpecification(staffComplaintDecider);
const ID = 'sc-1';
const T0 = '2026-03-06T03:00:00.000Z'; // Friday 11:00 Shanghai
const DUE = '2026-03-09T09:00:00.000Z'; // Monday 17:00 Shanghai
const T1 = '2026-03-09T02:00:00.000Z';
const LATE = '2026-03-09T10:00:00.000Z';
const agent: StaffComplaintActor = { id: 'agent-1', role: 'hq_cs_agent' };
const lead: StaffComplaintActor = { id: 'mgr-s1', role: 'store_manager', storeId: 'S001' };
const otherLead: StaffComplaintActor = { id: 'mgr-s2', role: 'store_manager', storeId: 'S002' };
const qa: StaffComplaintActor = { id: 'qa-1', role: 'hq_qa' };
const timer: StaffComplaintActor = { id: 'system:timer', role: 'system' };
const stamp = (actor: StaffComplaintActor, at = T1) => ({ at, by: actor.id });

function file(overrides: Partial<FileStaffComplaint> = {}): FileStaffComplaint {
  return {
    type: 'FileStaffComplaint',
    staffComplaintId: ID,
    storeId: 'S001',
    regionId: 'R1',
    staffId: 'staff-7',
    staffName: 'Zhang',
    teamLeadId: 'mgr-s1',
    memberId: 'm-1',
    channel: 'phone',
    category: 'attitude',
    description: 'Kept me waiting and was rude',
    secondCallDueAt: DUE,
    now: T0,
    actor: agent,
    ...overrides,
  };
}

const filed: StaffComplaintEvent[] = [
  {
    type: 'StaffComplaintFiled',
    data: {
      staffComplaintId: ID, storeId: 'S001', regionId: 'R1', staffId: 'staff-7', staffName: 'Zhang', teamLeadId: 'mgr-s1', memberId: 'm-1',
      channel: 'phone', category: 'attitude', description: 'Kept me waiting and was rude', secondCallDueAt: DUE, ...stamp(agent, T0),
    },
  },
  {
    type: 'StaffComplaintNotified',
    data: {
      recipients: [
        { role: 'staff', id: 'staff-7', channels: ['note'] },
        { role: 'team_lead', id: 'mgr-s1', channels: ['note', 'sms'] },
      ],
      ...stamp(agent, T0),
    },
  },
];
const judged: StaffComplaintEvent = { type: 'InitialJudgementRecorded', data: { judgement: 'upheld', ...stamp(agent) } };
const secondCall = (appeasementResult: 'accepted' | 'not_accepted'): StaffComplaintEvent => ({
  type: 'SecondCallRecorded',
  data: { assessment: 'upheld: waited 90 s', appeasementResult, onTime: true, ...stamp(lead) },
});
const verified = (ok: boolean): StaffComplaintEvent => ({ type: 'AppeasementVerified', data: { verified: ok, ...stamp(agent) } });

function cmd<T extends StaffComplaintCommand['type']>(
  type: T,
  fields: Omit<Extract<StaffComplaintCommand, { type: T }>, 'type' | 'staffComplaintId' | 'now' | 'actor'>,
  actor: StaffComplaintActor = agent,
  now = T1,
) {
  return { type, staffComplaintId: ID, now, actor, ...fields } as Extract<StaffComplaintCommand, { type: T }>;
}

describe('Staff complaint', () => {
  describe('when filed', () => {
    it('should open the ticket and notify the staff member and the team lead at that instant', () => {
      spec.given([]).when(file()).then(filed);
    });

    it('should notify the team lead role even when the service knows no name for it', () => {
      spec.given([]).when(file({ teamLeadId: undefined })).thenMatches([{}, { data: { recipients: [{ role: 'staff' }, { role: 'team_lead', channels: ['note', 'sms'] }] } }]);
    });

    it('should refuse a second filing', () => {
      spec.given(filed).when(file()).thenThrows(DomainError, 'STAFF_COMPLAINT_ALREADY_EXISTS');
    });

    it('should refuse a complaint without the staff member, description or customer', () => {
      spec.given([]).when(file({ staffId: '' })).thenThrows(DomainError, 'STAFF_COMPLAINT_FIELD_REQUIRED');
      spec.given([]).when(file({ description: '  ' })).thenThrows(DomainError, 'STAFF_COMPLAINT_FIELD_REQUIRED');
      spec.given([]).when(file({ memberId: undefined })).thenThrows(DomainError, 'STAFF_COMPLAINT_CUSTOMER_INFO_REQUIRED');
    });

    it('should refuse an unknown category (R47)', () => {
      spec.given([]).when(file({ category: 'weather' as never })).thenThrows(DomainError, 'STAFF_COMPLAINT_UNKNOWN_VALUE');
    });
  });

  describe('when the complaint desk makes the first call', () => {
    it('should record the initial judgement', () => {
      spec.given(filed).when(cmd('RecordFirstCall', { judgement: 'upheld' })).then([judged]);
    });

    it('should refuse an unknown judgement and a second first call', () => {
      spec.given(filed).when(cmd('RecordFirstCall', { judgement: 'maybe' as never })).thenThrows(DomainError, 'STAFF_COMPLAINT_UNKNOWN_VALUE');
      spec.given([...filed, judged]).when(cmd('RecordFirstCall', { judgement: 'upheld' })).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_TRANSITION');
    });
  });

  describe('when the team lead makes the second call (R51)', () => {
    it('should record the assessment and appeasement, on time before the deadline', () => {
      spec
        .given([...filed, judged])
        .when(cmd('RecordSecondCall', { assessment: 'upheld: waited 90 s', appeasementResult: 'accepted' }, lead))
        .then([secondCall('accepted')]);
      expect(fold(staffComplaintDecider, [...filed, judged, secondCall('accepted')])?.status).toBe('under_review');
    });

    it('should flag a second call after 17:00 on the next working day as late', () => {
      spec
        .given(filed)
        .when(cmd('RecordSecondCall', { assessment: 'a', appeasementResult: 'accepted' }, lead, LATE))
        .thenMatches([{ type: 'SecondCallRecorded', data: { onTime: false } }]);
    });

    it('should send a failed appeasement to the normal complaint flow (R53)', () => {
      expect(fold(staffComplaintDecider, [...filed, judged, secondCall('not_accepted')])?.status).toBe('normal_flow');
    });

    it("should refuse anyone but the store's team lead", () => {
      spec.given(filed).when(cmd('RecordSecondCall', { assessment: 'a', appeasementResult: 'accepted' }, otherLead)).thenThrows(DomainError, 'STAFF_COMPLAINT_NOT_TEAM_LEAD');
      spec.given(filed).when(cmd('RecordSecondCall', { assessment: 'a', appeasementResult: 'accepted' }, agent)).thenThrows(DomainError, 'STAFF_COMPLAINT_NOT_TEAM_LEAD');
    });

    it('should refuse a second call without an assessment or with an unknown result', () => {
      spec.given(filed).when(cmd('RecordSecondCall', { assessment: '', appeasementResult: 'accepted' }, lead)).thenThrows(DomainError, 'STAFF_COMPLAINT_FIELD_REQUIRED');
      spec.given(filed).when(cmd('RecordSecondCall', { assessment: 'a', appeasementResult: 'partly' as never }, lead)).thenThrows(DomainError, 'STAFF_COMPLAINT_UNKNOWN_VALUE');
    });

    it('should refuse a second second call', () => {
      spec.given([...filed, secondCall('accepted')]).when(cmd('RecordSecondCall', { assessment: 'a', appeasementResult: 'accepted' }, lead)).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_TRANSITION');
    });
  });

  describe('when the deadline passes', () => {
    it('should mark the second call overdue once, and not after it was made', () => {
      const overdue: StaffComplaintEvent = { type: 'SecondCallOverdue', data: { dueAt: DUE, at: DUE, by: timer.id } };
      spec.given(filed).when(cmd('MarkSecondCallOverdue', {}, timer, DUE)).then([overdue]);
      spec.given([...filed, overdue]).when(cmd('MarkSecondCallOverdue', {}, timer, DUE)).thenNothingHappens();
      spec.given([...filed, secondCall('accepted')]).when(cmd('MarkSecondCallOverdue', {}, timer, DUE)).thenNothingHappens();
    });
  });

  describe('when the appeasement is reviewed (R52)', () => {
    const reviewing = [...filed, judged, secondCall('accepted')];

    it('should withdraw only a verified appeasement, cancelling the assessment', () => {
      spec.given(reviewing).when(cmd('VerifyAppeasement', { verified: true })).then([verified(true)]);
      spec
        .given([...reviewing, verified(true)])
        .when(cmd('WithdrawStaffComplaint', { note: 'recording confirms' }))
        .then([{ type: 'StaffComplaintWithdrawn', data: { staffId: 'staff-7', assessmentCancelled: true, note: 'recording confirms', ...stamp(agent) } }]);
    });

    it('should refuse a withdrawal before verification', () => {
      spec.given(reviewing).when(cmd('WithdrawStaffComplaint', {})).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_TRANSITION');
      spec.given([...reviewing, verified(false)]).when(cmd('WithdrawStaffComplaint', {})).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_TRANSITION');
    });

    it('should send an unverified appeasement to the normal flow', () => {
      const state = fold(staffComplaintDecider, [...reviewing, verified(false)]);
      expect(state?.status).toBe('normal_flow');
      expect(state?.assessmentCancelled).toBe(false);
    });

    it('should refuse a verification before the second call', () => {
      spec.given([...filed, judged]).when(cmd('VerifyAppeasement', { verified: true })).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_TRANSITION');
    });
  });

  describe('when QA decides (R54)', () => {
    const inNormalFlow = [...filed, judged, secondCall('not_accepted')];

    it('should uphold with a score and the criteria met', () => {
      spec
        .given(inNormalFlow)
        .when(cmd('UpholdStaffComplaint', { score: 60, criteria: ['waited_over_60s'] }, qa))
        .then([{ type: 'StaffComplaintUpheld', data: { staffId: 'staff-7', score: 60, criteria: ['waited_over_60s'], ...stamp(qa) } }]);
    });

    it('should refuse a score outside 0..100', () => {
      spec.given(inNormalFlow).when(cmd('UpholdStaffComplaint', { score: 101 }, qa)).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_SCORE');
    });

    it('should dismiss with a note, also straight after an initial judgement', () => {
      spec.given(inNormalFlow).when(cmd('DismissStaffComplaint', { note: 'not the staff member' }, qa)).thenMatches([{ type: 'StaffComplaintDismissed' }]);
      spec.given([...filed, judged]).when(cmd('DismissStaffComplaint', { note: 'no case' }, qa)).thenMatches([{ type: 'StaffComplaintDismissed' }]);
      spec.given(inNormalFlow).when(cmd('DismissStaffComplaint', { note: '' }, qa)).thenThrows(DomainError, 'STAFF_COMPLAINT_FIELD_REQUIRED');
    });

    it('should refuse anyone but QA', () => {
      spec.given(inNormalFlow).when(cmd('UpholdStaffComplaint', {}, agent)).thenThrows(DomainError, 'STAFF_COMPLAINT_NOT_QA');
      spec.given(inNormalFlow).when(cmd('DismissStaffComplaint', { note: 'x' }, lead)).thenThrows(DomainError, 'STAFF_COMPLAINT_NOT_QA');
    });

    it('should refuse an uphold before the normal flow, and any action once closed', () => {
      spec.given([...filed, judged]).when(cmd('UpholdStaffComplaint', {}, qa)).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_TRANSITION');
      const upheld: StaffComplaintEvent = { type: 'StaffComplaintUpheld', data: { staffId: 'staff-7', criteria: [], ...stamp(qa) } };
      spec.given([...inNormalFlow, upheld]).when(cmd('DismissStaffComplaint', { note: 'x' }, qa)).thenThrows(DomainError, 'STAFF_COMPLAINT_INVALID_TRANSITION');
    });

    it('should refuse actions on a staff complaint that does not exist', () => {
      spec.given([]).when(cmd('RecordFirstCall', { judgement: 'upheld' })).thenThrows(DomainError, 'STAFF_COMPLAINT_NOT_FOUND');
    });
  });
});
