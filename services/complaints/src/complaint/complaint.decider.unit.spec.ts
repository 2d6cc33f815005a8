import { DomainError, fold } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { computeSlaClocks, DEFAULT_SLA_POLICIES } from '../sla/sla-policy.js';
import { workingCalendar } from '../sla/working-calendar.js';
import type { ComplaintActor, ComplaintCommand, FileComplaint } from './complaint.commands.js';
import { COMPLAINT_STREAM_TYPE, complaintDecider, complaintStreamId } from './complaint.decider.js';
import type { ComplaintEvent, ComplaintFiled } from './complaint.events.js';
import { complaintLifecycle } from './complaint.lifecycle.js';
import { OPEN_STATUSES, TERMINAL_STATUSES } from './complaint.state.js';
import type { ComplaintStatus } from './complaint.values.js';

const spec = DeciderSpecification(complaintDecider);

const ID = 'c-1';
const T0 = '2026-01-05T01:00:00.000Z';
const T1 = '2026-01-05T03:00:00.000Z';
const LATE = '2026-01-09T00:00:00.000Z';
const agent: ComplaintActor = { id: 'agent-1', role: 'hq_cs_agent', name: 'Li' };
const other: ComplaintActor = { id: 'agent-2', role: 'hq_cs_agent' };
const manager: ComplaintActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const timer: ComplaintActor = { id: 'system:sla-timer', role: 'system' };
const sla = computeSlaClocks(DEFAULT_SLA_POLICIES.chain, workingCalendar(), T0);
const by = (actor: ComplaintActor, at = T1) => ({ at, by: actor.id });

function file(overrides: Partial<FileComplaint> = {}): FileComplaint {
  return {
    type: 'FileComplaint',
    complaintId: ID,
    complaintNo: 'TS-20260105-0001',
    channel: 'phone',
    source: 'hq',
    storeId: 'store-1',
    memberId: 'm-1',
    description: 'Jacket seam split after one wash',
    sla,
    now: T0,
    actor: agent,
    ...overrides,
  };
}

/** Builds any non-file command with the shared envelope fields. */
function cmd<T extends ComplaintCommand['type']>(
  type: T,
  fields: Omit<Extract<ComplaintCommand, { type: T }>, 'type' | 'complaintId' | 'now' | 'actor'>,
  actor: ComplaintActor = agent,
  now = T1,
): ComplaintCommand {
  return { type, complaintId: ID, now, actor, ...fields } as ComplaintCommand;
}

const filed: ComplaintFiled = {
  type: 'ComplaintFiled',
  data: {
    complaintId: ID,
    complaintNo: 'TS-20260105-0001',
    channel: 'phone',
    source: 'hq',
    storeId: 'store-1',
    memberId: 'm-1',
    description: 'Jacket seam split after one wash',
    severity: 'P3',
    escalationLevel: 'hq_agent',
    receivedAt: T0,
    slaPolicyId: 'chain',
    slaPolicyVersion: 0,
    firstResponseDueAt: sla.firstResponseDueAt,
    firstResponseWarnAt: sla.firstResponseWarnAt,
    resolutionDueAt: sla.resolutionDueAt,
    resolutionWarnAt: sla.resolutionWarnAt,
    at: T0,
    by: agent.id,
  },
};
const filedAtStore: ComplaintFiled = { ...filed, data: { ...filed.data, source: 'store', escalationLevel: 'store_staff' } };
const classified: ComplaintEvent = {
  type: 'ComplaintClassified',
  data: { category: 'PRODUCT_QUALITY', severity: 'P3', ...by(agent) },
};
const assigned: ComplaintEvent = { type: 'ComplaintAssigned', data: { assigneeId: agent.id, ...by(manager) } };
const proposed1: ComplaintEvent = {
  type: 'SolutionProposed',
  data: { solutionNo: 1, description: 'Exchange the jacket', compensation: { kind: 'exchange' }, ...by(agent) },
};
const proposed2WithGift: ComplaintEvent = {
  type: 'SolutionProposed',
  data: {
    solutionNo: 2,
    description: 'Refund and a gift',
    compensation: { kind: 'gift', giftSku: 'GIFT-SCARF', quantity: 1 },
    supersedesSolutionNo: 1,
    ...by(agent),
  },
};
const accepted1: ComplaintEvent = { type: 'SolutionAccepted', data: { solutionNo: 1, ...by(agent) } };
const resolved: ComplaintEvent = {
  type: 'ComplaintResolved',
  data: { outcome: 'Jacket exchanged', resolvedAt: T1, withinSla: true, ...by(agent) },
};
const closed: ComplaintEvent = { type: 'ComplaintClosed', data: { closedAt: T1, ...by(agent) } };
const invalidated: ComplaintEvent = {
  type: 'ComplaintInvalidated',
  data: { reason: 'invalid', explanation: 'Not a complaint', status: 'closed_invalid', closedAt: T1, ...by(agent) },
};
const firstResponded: ComplaintEvent = {
  type: 'FirstResponseSent',
  data: { message: 'We are on it', withinSla: true, ...by(agent) },
};

const inWork = [filed, classified, assigned];
const withProposal = [...inWork, proposed1];
const withAccepted = [...withProposal, accepted1];
const withResolved = [...withAccepted, resolved];
const withClosed = [...withResolved, closed];

describe('Complaint', () => {
  describe('stream naming', () => {
    it('should prefix the stream id and name the stream type', () => {
      expect(complaintStreamId('abc')).toBe('complaint-abc');
      expect(COMPLAINT_STREAM_TYPE).toBe('complaint');
    });
  });

  describe('when filing', () => {
    it('should record the complaint with the SLA clocks and HQ level', () => {
      spec.given([]).when(file()).then([filed]);
    });

    it('should start a store complaint at the store staff level', () => {
      spec.given([]).when(file({ source: 'store' })).then([filedAtStore]);
    });

    it('should accept customer name and mobile instead of a member id', () => {
      spec
        .given([])
        .when(file({ memberId: undefined, customer: { name: 'Wang', mobile: '13800138000' } }))
        .thenMatches([{ type: 'ComplaintFiled', data: { customer: { name: 'Wang', mobile: '13800138000' } } }]);
    });

    it('should not store undefined optional fields', () => {
      const [event] = complaintDecider.decide(file(), null);
      expect(Object.values(event!.data)).not.toContain(undefined);
      expect('regionId' in event!.data).toBe(false);
    });

    it('should refuse a complaint without customer info (R13)', () => {
      spec.given([]).when(file({ memberId: undefined })).thenThrows(DomainError, 'CUSTOMER_INFO_REQUIRED');
      spec
        .given([])
        .when(file({ memberId: undefined, customer: { name: 'Wang', mobile: ' ' } }))
        .thenThrows(DomainError, 'CUSTOMER_INFO_REQUIRED');
    });

    it('should refuse a complaint without description', () => {
      spec.given([]).when(file({ description: '  ' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should refuse a complaint without a store', () => {
      spec.given([]).when(file({ storeId: ' ' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should refuse an unknown category', () => {
      spec.given([]).when(file({ category: 'WEATHER' as never })).thenThrows(DomainError, 'UNKNOWN_CATEGORY');
    });

    it('should refuse filing twice', () => {
      spec.given([filed]).when(file()).thenThrows(DomainError, 'COMPLAINT_ALREADY_EXISTS');
    });

    it('should flag a repeat and raise the severity one level above the prior one', () => {
      spec
        .given([])
        .when(file({ priorComplaint: { complaintId: 'c-0', severity: 'P3' } }))
        .then([
          filed,
          { type: 'ComplaintRepeatDetected', data: { repeatOfComplaintId: 'c-0', severityRaisedTo: 'P2', at: T0, by: agent.id } },
        ]);
    });

    it('should keep P1 at P1 on a repeat', () => {
      spec
        .given([])
        .when(file({ priorComplaint: { complaintId: 'c-0', severity: 'P1' } }))
        .thenMatches([{ type: 'ComplaintFiled' }, { type: 'ComplaintRepeatDetected', data: { severityRaisedTo: 'P1' } }]);
    });

    it('should hold the raised severity and the repeat link in state', () => {
      const state = fold(complaintDecider, complaintDecider.decide(file({ priorComplaint: { complaintId: 'c-0', severity: 'P2' } }), null));
      expect(state).toMatchObject({ severity: 'P1', repeatOfComplaintId: 'c-0', status: 'received' });
    });
  });

  describe('when the complaint does not exist', () => {
    it.each<ComplaintCommand>([
      cmd('ClassifyComplaint', { category: 'LOGISTICS', severity: 'P3' }),
      cmd('AssignComplaint', { assigneeId: 'x' }),
      cmd('RecordSlaBreach', { clock: 'resolution', dueAt: T1 }, timer),
    ])('should answer not found for $type', (command) => {
      spec.given([]).when(command).thenThrows(DomainError, 'COMPLAINT_NOT_FOUND');
    });
  });

  describe('when classifying', () => {
    it('should move a received complaint to classified', () => {
      spec.given([filed]).when(cmd('ClassifyComplaint', { category: 'PRODUCT_QUALITY', severity: 'P3' })).then([classified]);
      const state = fold(complaintDecider, [filed, classified]);
      expect(state).toMatchObject({ status: 'classified', category: 'PRODUCT_QUALITY' });
    });

    it('should reclassify without changing an assigned status', () => {
      const reclass: ComplaintEvent = { type: 'ComplaintClassified', data: { category: 'LOGISTICS', severity: 'P2', ...by(agent) } };
      spec.given(inWork).when(cmd('ClassifyComplaint', { category: 'LOGISTICS', severity: 'P2' })).then([reclass]);
      expect(fold(complaintDecider, [...inWork, reclass])).toMatchObject({ status: 'assigned', severity: 'P2' });
    });

    it('should detect a repeat once, one level above the given severity', () => {
      const command = cmd('ClassifyComplaint', {
        category: 'PRODUCT_QUALITY',
        severity: 'P2',
        priorComplaint: { complaintId: 'c-0', severity: 'P3' },
      });
      spec
        .given([filed])
        .when(command)
        .then([
          { type: 'ComplaintClassified', data: { category: 'PRODUCT_QUALITY', severity: 'P2', ...by(agent) } },
          { type: 'ComplaintRepeatDetected', data: { repeatOfComplaintId: 'c-0', severityRaisedTo: 'P1', ...by(agent) } },
        ]);
      const repeat: ComplaintEvent = {
        type: 'ComplaintRepeatDetected',
        data: { repeatOfComplaintId: 'c-0', severityRaisedTo: 'P2', ...by(agent) },
      };
      spec.given([filed, repeat]).when(command).thenMatches([{ type: 'ComplaintClassified' }]);
      expect(complaintDecider.decide(command, fold(complaintDecider, [filed, repeat]))).toHaveLength(1);
    });

    it('should refuse an unknown category', () => {
      spec
        .given([filed])
        .when(cmd('ClassifyComplaint', { category: 'NOPE' as never, severity: 'P3' }))
        .thenThrows(DomainError, 'UNKNOWN_CATEGORY');
    });

    it('should refuse once a solution is on the table', () => {
      spec
        .given(withProposal)
        .when(cmd('ClassifyComplaint', { category: 'LOGISTICS', severity: 'P3' }))
        .thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
    });
  });

  describe('when assigning', () => {
    it('should assign a classified complaint', () => {
      spec
        .given([filed, classified])
        .when(cmd('AssignComplaint', { assigneeId: agent.id, assigneeName: 'Li' }, manager))
        .then([{ type: 'ComplaintAssigned', data: { assigneeId: agent.id, assigneeName: 'Li', ...by(manager) } }]);
    });

    it('should reassign and name the previous owner (R30)', () => {
      spec
        .given(withProposal)
        .when(cmd('AssignComplaint', { assigneeId: other.id }, manager))
        .then([{ type: 'ComplaintAssigned', data: { assigneeId: other.id, previousAssigneeId: agent.id, ...by(manager) } }]);
    });

    it('should keep the status when reassigning during negotiation', () => {
      const rejected: ComplaintEvent = { type: 'SolutionRejected', data: { solutionNo: 1, reason: 'Wants refund', ...by(agent) } };
      const reassigned: ComplaintEvent = {
        type: 'ComplaintAssigned',
        data: { assigneeId: other.id, previousAssigneeId: agent.id, ...by(manager) },
      };
      expect(fold(complaintDecider, [...withProposal, rejected, reassigned])).toMatchObject({
        status: 'negotiating',
        assigneeId: other.id,
      });
    });

    it('should do nothing when assigning to the current assignee', () => {
      spec.given(inWork).when(cmd('AssignComplaint', { assigneeId: agent.id }, manager)).thenNothingHappens();
    });

    it('should refuse an unclassified complaint', () => {
      spec.given([filed]).when(cmd('AssignComplaint', { assigneeId: agent.id })).thenThrows(DomainError, 'COMPLAINT_NOT_CLASSIFIED');
    });

    it('should refuse after the solution was accepted', () => {
      spec.given(withAccepted).when(cmd('AssignComplaint', { assigneeId: other.id })).thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
    });

    it('should refuse without an assignee', () => {
      spec.given([filed, classified]).when(cmd('AssignComplaint', { assigneeId: '' }, manager)).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when recording the first response', () => {
    it('should record it within SLA for the assignee', () => {
      spec.given(inWork).when(cmd('RecordFirstResponse', { message: 'We are on it' })).then([firstResponded]);
    });

    it('should record it late as outside the SLA, for a manager', () => {
      spec
        .given(inWork)
        .when(cmd('RecordFirstResponse', { message: 'Sorry for the delay' }, manager, LATE))
        .then([{ type: 'FirstResponseSent', data: { message: 'Sorry for the delay', withinSla: false, at: LATE, by: manager.id } }]);
    });

    it('should count the due instant itself as within SLA', () => {
      spec
        .given(inWork)
        .when(cmd('RecordFirstResponse', { message: 'ok' }, agent, sla.firstResponseDueAt))
        .thenMatches([{ data: { withinSla: true } }]);
    });

    it('should refuse a second first response', () => {
      spec.given([...inWork, firstResponded]).when(cmd('RecordFirstResponse', { message: 'again' })).thenThrows(DomainError, 'FIRST_RESPONSE_ALREADY_SENT');
    });

    it('should refuse without an assignee', () => {
      spec.given([filed, classified]).when(cmd('RecordFirstResponse', { message: 'hi' })).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNED');
    });

    it('should forbid someone who is neither the assignee nor a manager', () => {
      spec.given(inWork).when(cmd('RecordFirstResponse', { message: 'hi' }, other)).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
      let kind: string | undefined;
      try {
        complaintDecider.decide(cmd('RecordFirstResponse', { message: 'hi' }, other), fold(complaintDecider, inWork));
      } catch (e) {
        kind = (e as DomainError).kind;
      }
      expect(kind).toBe('forbidden');
    });

    it('should refuse an empty message', () => {
      spec.given(inWork).when(cmd('RecordFirstResponse', { message: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should stop the first-response clock', () => {
      expect(fold(complaintDecider, [...inWork, firstResponded])!.sla).toMatchObject({ firstRespondedAt: T1, firstResponseWithinSla: true });
    });
  });

  describe('when escalating', () => {
    it('should move a store complaint up and keep the assignee', () => {
      const escalated: ComplaintEvent = {
        type: 'ComplaintEscalated',
        data: { fromLevel: 'store_staff', toLevel: 'store_manager', reason: 'Beyond staff authority', ...by(agent) },
      };
      spec
        .given([filedAtStore, classified, assigned])
        .when(cmd('EscalateComplaint', { toLevel: 'store_manager', reason: 'Beyond staff authority' }))
        .then([escalated]);
      expect(fold(complaintDecider, [filedAtStore, classified, assigned, escalated])).toMatchObject({
        escalationLevel: 'store_manager',
        assigneeId: agent.id,
        status: 'assigned',
      });
    });

    it('should allow skipping levels upward', () => {
      spec
        .given([filedAtStore])
        .when(cmd('EscalateComplaint', { toLevel: 'hq_manager', reason: 'P1' }))
        .thenMatches([{ data: { fromLevel: 'store_staff', toLevel: 'hq_manager' } }]);
    });

    it.each(['store_manager', 'hq_agent'] as const)('should refuse escalating an HQ complaint to %s', (toLevel) => {
      spec.given([filed]).when(cmd('EscalateComplaint', { toLevel, reason: 'x' })).thenThrows(DomainError, 'ESCALATION_NOT_UPWARD');
    });

    it('should refuse escalating a resolved complaint', () => {
      spec.given(withResolved).when(cmd('EscalateComplaint', { toLevel: 'hq_manager', reason: 'x' })).thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
    });

    it('should require a reason', () => {
      spec.given([filed]).when(cmd('EscalateComplaint', { toLevel: 'hq_manager', reason: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when proposing a solution', () => {
    it('should number the first proposal 1', () => {
      spec
        .given(inWork)
        .when(cmd('ProposeSolution', { description: 'Exchange the jacket', compensation: { kind: 'exchange' } }))
        .then([proposed1]);
    });

    it('should supersede the pending proposal', () => {
      spec
        .given(withProposal)
        .when(
          cmd('ProposeSolution', {
            description: 'Refund and a gift',
            compensation: { kind: 'gift', giftSku: 'GIFT-SCARF', quantity: 1 },
          }),
        )
        .then([proposed2WithGift]);
      const state = fold(complaintDecider, [...withProposal, proposed2WithGift]);
      expect(state!.solutions.map((s) => [s.no, s.status])).toEqual([
        [1, 'superseded'],
        [2, 'pending'],
      ]);
    });

    it('should record the expected resolution time (R35)', () => {
      spec
        .given(inWork)
        .when(cmd('ProposeSolution', { description: 'Repair', expectedResolutionAt: '2026-01-06T10:00:00+08:00' }))
        .thenMatches([{ data: { solutionNo: 1, expectedResolutionAt: '2026-01-06T10:00:00+08:00' } }]);
    });

    it('should refuse before assignment', () => {
      spec.given([filed, classified]).when(cmd('ProposeSolution', { description: 'x' })).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNED');
    });

    it('should refuse after acceptance', () => {
      spec.given(withAccepted).when(cmd('ProposeSolution', { description: 'x' })).thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
    });

    it.each([
      [{ kind: 'refund' as const, amount: -1 }],
      [{ kind: 'refund' as const, amount: 10.5 }],
      [{ kind: 'refund' as const }],
      [{ kind: 'gift' as const, quantity: 1 }],
      [{ kind: 'gift' as const, giftSku: 'G', quantity: 0 }],
      [{ kind: 'cash' as never }],
    ])('should refuse the compensation %j', (compensation) => {
      spec.given(inWork).when(cmd('ProposeSolution', { description: 'x', compensation })).thenThrows(DomainError, 'INVALID_COMPENSATION');
    });

    it('should refuse a malformed expected resolution time', () => {
      spec.given(inWork).when(cmd('ProposeSolution', { description: 'x', expectedResolutionAt: 'soon' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should refuse a proposal without a description', () => {
      spec.given(inWork).when(cmd('ProposeSolution', { description: ' ' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when the customer answers the proposal', () => {
    it('should accept without compensation event when there is none to grant', () => {
      const plain: ComplaintEvent = { type: 'SolutionProposed', data: { solutionNo: 1, description: 'Apology', ...by(agent) } };
      spec.given([...inWork, plain]).when(cmd('AcceptSolution', { solutionNo: 1 })).then([accepted1]);
    });

    it('should grant the compensation of the accepted solution', () => {
      spec
        .given([...withProposal, proposed2WithGift])
        .when(cmd('AcceptSolution', { solutionNo: 2 }))
        .then([
          { type: 'SolutionAccepted', data: { solutionNo: 2, ...by(agent) } },
          {
            type: 'ComplaintCompensationGranted',
            data: {
              complaintId: ID,
              solutionNo: 2,
              kind: 'gift',
              giftSku: 'GIFT-SCARF',
              quantity: 1,
              memberId: 'm-1',
              storeId: 'store-1',
              ...by(agent),
            },
          },
        ]);
    });

    it('should refuse accepting a superseded proposal', () => {
      spec.given([...withProposal, proposed2WithGift]).when(cmd('AcceptSolution', { solutionNo: 1 })).thenThrows(DomainError, 'SOLUTION_NOT_PENDING');
    });

    it('should refuse accepting an unknown or already accepted proposal', () => {
      spec.given(withProposal).when(cmd('AcceptSolution', { solutionNo: 7 })).thenThrows(DomainError, 'SOLUTION_NOT_PENDING');
      spec.given(withAccepted).when(cmd('AcceptSolution', { solutionNo: 1 })).thenThrows(DomainError, 'SOLUTION_NOT_PENDING');
    });

    it('should move to negotiating on rejection and allow a new proposal', () => {
      const rejected: ComplaintEvent = { type: 'SolutionRejected', data: { solutionNo: 1, reason: 'Wants refund', ...by(agent) } };
      spec.given(withProposal).when(cmd('RejectSolution', { solutionNo: 1, reason: 'Wants refund' })).then([rejected]);
      const state = fold(complaintDecider, [...withProposal, rejected]);
      expect(state).toMatchObject({ status: 'negotiating', solutions: [{ no: 1, status: 'rejected', rejectionReason: 'Wants refund' }] });
      spec
        .given([...withProposal, rejected])
        .when(cmd('ProposeSolution', { description: 'Refund', compensation: { kind: 'refund', amount: 29900 } }))
        .thenMatches([{ type: 'SolutionProposed', data: { solutionNo: 2, compensation: { kind: 'refund', amount: 29900 } } }]);
    });

    it('should refuse rejecting twice or without reason', () => {
      const rejected: ComplaintEvent = { type: 'SolutionRejected', data: { solutionNo: 1, reason: 'no', ...by(agent) } };
      spec.given([...withProposal, rejected]).when(cmd('RejectSolution', { solutionNo: 1, reason: 'no' })).thenThrows(DomainError, 'SOLUTION_NOT_PENDING');
      spec.given(withProposal).when(cmd('RejectSolution', { solutionNo: 1, reason: ' ' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when resolving', () => {
    it('should resolve an accepted solution within SLA', () => {
      spec.given(withAccepted).when(cmd('ResolveComplaint', { outcome: 'Jacket exchanged' })).then([resolved]);
    });

    it('should record a late resolution as outside the SLA', () => {
      spec
        .given(withAccepted)
        .when(cmd('ResolveComplaint', { outcome: 'Done' }, agent, LATE))
        .thenMatches([{ data: { resolvedAt: LATE, withinSla: false } }]);
    });

    it.each([
      ['received', [filed]],
      ['assigned', inWork],
      ['solution_proposed', withProposal],
      ['resolved', withResolved],
    ])('should refuse from %s (R18)', (_status, given) => {
      spec.given(given).when(cmd('ResolveComplaint', { outcome: 'x' })).thenThrows(DomainError, 'COMPLAINT_CANNOT_RESOLVE');
    });

    it('should require the outcome told to the customer (R37)', () => {
      spec.given(withAccepted).when(cmd('ResolveComplaint', { outcome: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when closing', () => {
    it('should close a resolved complaint with satisfaction', () => {
      spec
        .given(withResolved)
        .when(cmd('CloseComplaint', { satisfaction: 4, note: 'Happy' }))
        .then([{ type: 'ComplaintClosed', data: { closedAt: T1, satisfaction: 4, note: 'Happy', ...by(agent) } }]);
    });

    it('should refuse closing an unresolved complaint', () => {
      spec.given(withAccepted).when(cmd('CloseComplaint', {})).thenThrows(DomainError, 'COMPLAINT_NOT_RESOLVED');
    });

    it.each([0, 6, 3.5])('should refuse satisfaction %p', (satisfaction) => {
      spec.given(withResolved).when(cmd('CloseComplaint', { satisfaction })).thenThrows(DomainError, 'INVALID_SATISFACTION');
    });

    it('should refuse any further command on a closed complaint', () => {
      spec.given(withClosed).when(cmd('CloseComplaint', {})).thenThrows(DomainError, 'COMPLAINT_CLOSED');
      spec.given(withClosed).when(cmd('EscalateComplaint', { toLevel: 'hq_manager', reason: 'x' })).thenThrows(DomainError, 'COMPLAINT_CLOSED');
    });
  });

  describe('when reopening', () => {
    it('should reopen a closed complaint and count it', () => {
      const reopened: ComplaintEvent = { type: 'ComplaintReopened', data: { reason: 'Seam split again', reopenCount: 1, ...by(agent) } };
      spec.given(withClosed).when(cmd('ReopenComplaint', { reason: 'Seam split again' })).then([reopened]);
      const state = fold(complaintDecider, [...withClosed, reopened]);
      expect(state).toMatchObject({ status: 'reopened', reopenCount: 1, assigneeId: agent.id });
      expect(state!.closedAt).toBeUndefined();
    });

    it('should reopen a resolved complaint and behave like assigned', () => {
      const reopened: ComplaintEvent = { type: 'ComplaintReopened', data: { reason: 'x', reopenCount: 1, ...by(agent) } };
      spec.given([...withResolved, reopened]).when(cmd('ProposeSolution', { description: 'Second try' })).thenMatches([{ data: { solutionNo: 2 } }]);
      spec
        .given([...withResolved, reopened])
        .when(cmd('ReopenComplaint', { reason: 'again' }))
        .thenThrows(DomainError, 'COMPLAINT_CANNOT_REOPEN');
    });

    it('should refuse reopening an open or invalidated complaint', () => {
      spec.given(inWork).when(cmd('ReopenComplaint', { reason: 'x' })).thenThrows(DomainError, 'COMPLAINT_CANNOT_REOPEN');
      spec.given([filed, invalidated]).when(cmd('ReopenComplaint', { reason: 'x' })).thenThrows(DomainError, 'COMPLAINT_CLOSED');
    });

    it('should require the reason for reopening', () => {
      spec.given(withClosed).when(cmd('ReopenComplaint', { reason: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when invalidating', () => {
    it('should close as invalid with the explanation', () => {
      spec.given([filed]).when(cmd('InvalidateComplaint', { reason: 'invalid', explanation: 'Not a complaint' })).then([invalidated]);
      expect(fold(complaintDecider, [filed, invalidated])).toMatchObject({
        status: 'closed_invalid',
        closedAt: T1,
        invalidation: { reason: 'invalid', explanation: 'Not a complaint' },
      });
    });

    it('should close as not ours', () => {
      spec
        .given(inWork)
        .when(cmd('InvalidateComplaint', { reason: 'not_ours', explanation: 'The courier handles this' }))
        .thenMatches([{ data: { status: 'closed_not_ours' } }]);
    });

    it('should link a duplicate and require the original', () => {
      spec
        .given([filed, classified])
        .when(cmd('InvalidateComplaint', { reason: 'duplicate', explanation: 'Same as c-0', duplicateOfComplaintId: 'c-0' }))
        .thenMatches([{ data: { status: 'closed_invalid', duplicateOfComplaintId: 'c-0' } }]);
      spec.given([filed]).when(cmd('InvalidateComplaint', { reason: 'duplicate', explanation: 'dup' })).thenThrows(DomainError, 'DUPLICATE_OF_REQUIRED');
      spec
        .given([filed])
        .when(cmd('InvalidateComplaint', { reason: 'duplicate', explanation: 'dup', duplicateOfComplaintId: ID }))
        .thenThrows(DomainError, 'DUPLICATE_OF_REQUIRED');
    });

    it('should require an explanation for the customer', () => {
      spec.given([filed]).when(cmd('InvalidateComplaint', { reason: 'not_ours', explanation: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should refuse once a solution is proposed, and on an invalidated complaint', () => {
      spec.given(withProposal).when(cmd('InvalidateComplaint', { reason: 'invalid', explanation: 'x' })).thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
      spec.given([filed, invalidated]).when(cmd('ClassifyComplaint', { category: 'GIFT', severity: 'P3' })).thenThrows(DomainError, 'COMPLAINT_CLOSED');
    });
  });

  describe('when investigating', () => {
    const started: ComplaintEvent = { type: 'InvestigationStarted', data: { note: 'Checking the batch', ...by(agent) } };
    it('should start an investigation on an assigned complaint and then accept a proposal', () => {
      spec.given(inWork).when(cmd('StartInvestigation', { note: 'Checking the batch' })).then([started]);
      spec.given([...inWork, started]).when(cmd('ProposeSolution', { description: 'Exchange' })).thenMatches([{ type: 'SolutionProposed' }]);
      expect(fold(complaintDecider, [...inWork, started])?.status).toBe('investigating');
    });

    it('should refuse before assignment and by someone else', () => {
      spec.given([filed, classified]).when(cmd('StartInvestigation', {})).thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
      spec.given(inWork).when(cmd('StartInvestigation', {}, other)).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });
  });

  describe('when closing after the call-back', () => {
    it('should record the call-back outcome', () => {
      spec
        .given(withResolved)
        .when(cmd('CloseComplaint', { callbackOutcome: 'unreachable' }))
        .thenMatches([{ type: 'ComplaintClosed', data: { callbackOutcome: 'unreachable' } }]);
    });

    it('should refuse an unknown outcome (an unsatisfied customer means reopening)', () => {
      spec
        .given(withResolved)
        .when(cmd('CloseComplaint', { callbackOutcome: 'unsatisfied' as never }))
        .thenThrows(DomainError, 'INVALID_CALLBACK_OUTCOME');
    });
  });

  describe('who may act once the complaint has an owner', () => {
    const customer: ComplaintActor = { id: 'm-1', role: 'customer' };
    it.each([
      ['propose', withAccepted.slice(0, 3), cmd('ProposeSolution', { description: 'x' }, other)],
      ['accept', withProposal, cmd('AcceptSolution', { solutionNo: 1 }, other)],
      ['reject', withProposal, cmd('RejectSolution', { solutionNo: 1, reason: 'no' }, other)],
      ['resolve', withAccepted, cmd('ResolveComplaint', { outcome: 'done' }, other)],
      ['close', withResolved, cmd('CloseComplaint', {}, other)],
      ['reopen', withClosed, cmd('ReopenComplaint', { reason: 'again' }, other)],
      ['escalate', inWork, cmd('EscalateComplaint', { toLevel: 'hq_manager', reason: 'x' }, other)],
      ['invalidate', inWork, cmd('InvalidateComplaint', { reason: 'invalid', explanation: 'x' }, other)],
    ])('should refuse %s by someone who is neither the owner nor a manager', (_action, given, command) => {
      spec.given(given).when(command).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });

    it('should let a manager act on someone else’s complaint', () => {
      spec.given(withAccepted).when(cmd('ResolveComplaint', { outcome: 'done' }, manager)).thenMatches([{ type: 'ComplaintResolved' }]);
    });

    it('should let the customer accept or reject a proposal', () => {
      spec
        .given(withProposal)
        .when(cmd('AcceptSolution', { solutionNo: 1 }, customer))
        .thenMatches([{ type: 'SolutionAccepted', data: { by: 'm-1' } }, { type: 'ComplaintCompensationGranted' }]);
      spec.given(withProposal).when(cmd('RejectSolution', { solutionNo: 1, reason: 'no' }, customer)).thenMatches([{ type: 'SolutionRejected' }]);
    });

    it('should let anyone in scope escalate or invalidate before there is an owner', () => {
      spec.given([filed, classified]).when(cmd('EscalateComplaint', { toLevel: 'hq_manager', reason: 'x' }, other)).thenMatches([{ type: 'ComplaintEscalated' }]);
    });
  });

  describe('when the SLA timer fires', () => {
    const warn = (clock: 'first_response' | 'resolution') => cmd('RecordSlaWarning', { clock, dueAt: 'ignored' }, timer, LATE);
    const breach = (clock: 'first_response' | 'resolution') => cmd('RecordSlaBreach', { clock, dueAt: 'ignored' }, timer, LATE);

    it('should record a first-response warning with the stored due instant', () => {
      spec
        .given(inWork)
        .when(warn('first_response'))
        .then([{ type: 'SlaWarningReached', data: { clock: 'first_response', dueAt: sla.firstResponseDueAt, at: LATE, by: timer.id } }]);
    });

    it('should record a resolution breach and flag it in state', () => {
      const breached: ComplaintEvent = { type: 'SlaBreached', data: { clock: 'resolution', dueAt: sla.resolutionDueAt, at: LATE, by: timer.id } };
      spec.given(withProposal).when(breach('resolution')).then([breached]);
      expect(fold(complaintDecider, [...withProposal, breached])!.sla).toMatchObject({ resolutionBreached: true, firstResponseBreached: false });
    });

    it('should ignore a repeated warning or breach', () => {
      const warned: ComplaintEvent = { type: 'SlaWarningReached', data: { clock: 'first_response', dueAt: sla.firstResponseDueAt, at: LATE, by: timer.id } };
      const breached: ComplaintEvent = { type: 'SlaBreached', data: { clock: 'first_response', dueAt: sla.firstResponseDueAt, at: LATE, by: timer.id } };
      spec.given([...inWork, warned]).when(warn('first_response')).thenNothingHappens();
      spec.given([...inWork, breached]).when(breach('first_response')).thenNothingHappens();
      spec.given([...inWork, breached]).when(warn('first_response')).thenNothingHappens();
      spec.given([...inWork, warned]).when(breach('first_response')).thenMatches([{ type: 'SlaBreached' }]);
    });

    it('should ignore the first-response clock once the response was sent', () => {
      spec.given([...inWork, firstResponded]).when(breach('first_response')).thenNothingHappens();
      spec.given([...inWork, firstResponded]).when(breach('resolution')).thenMatches([{ type: 'SlaBreached' }]);
    });

    it.each([
      ['resolved', withResolved],
      ['closed', withClosed],
      ['invalidated', [filed, invalidated]],
    ])('should be a no-op on a %s complaint, not an error', (_label, given) => {
      spec.given(given).when(breach('resolution')).thenNothingHappens();
      spec.given(given).when(warn('first_response')).thenNothingHappens();
    });

    it('should not re-arm the resolution clock after a reopen', () => {
      const reopened: ComplaintEvent = { type: 'ComplaintReopened', data: { reason: 'x', reopenCount: 1, ...by(agent) } };
      spec.given([...withResolved, reopened]).when(breach('resolution')).thenNothingHappens();
    });
  });

  describe('when a reopening re-arms the resolution clock', () => {
    const NEW_DUE = '2026-01-12T03:00:00.000Z';
    const NEW_WARN = '2026-01-11T17:24:00.000Z';
    const reopened: ComplaintEvent = {
      type: 'ComplaintReopened',
      data: { reason: 'Broke again', reopenCount: 1, resolutionDueAt: NEW_DUE, resolutionWarnAt: NEW_WARN, ...by(agent) },
    };

    it('should record the fresh due instants', () => {
      spec.given(withClosed).when(cmd('ReopenComplaint', { reason: 'Broke again', resolution: { dueAt: NEW_DUE, warnAt: NEW_WARN } })).then([reopened]);
    });

    it('should breach the re-armed clock at its new instant, and leave the first-response clock stopped', () => {
      spec
        .given([...withClosed, reopened])
        .when(cmd('RecordSlaBreach', { clock: 'resolution', dueAt: NEW_DUE }, timer, NEW_DUE))
        .then([{ type: 'SlaBreached', data: { clock: 'resolution', dueAt: NEW_DUE, at: NEW_DUE, by: timer.id } }]);
      spec.given([...withClosed, reopened]).when(cmd('RecordSlaBreach', { clock: 'first_response', dueAt: NEW_DUE }, timer, NEW_DUE)).thenNothingHappens();
      // the resolution timers armed before the reopening may still fire: they are stale
      spec.given([...withClosed, reopened]).when(cmd('RecordSlaBreach', { clock: 'resolution', dueAt: sla.resolutionDueAt }, timer, sla.resolutionDueAt)).thenNothingHappens();
      spec.given([...withClosed, reopened]).when(cmd('RecordSlaWarning', { clock: 'resolution', dueAt: sla.resolutionDueAt }, timer, sla.resolutionWarnAt)).thenNothingHappens();
    });

    it('should stop the re-armed clock at the next resolution', () => {
      const accepted2: ComplaintEvent[] = [
        { type: 'SolutionProposed', data: { solutionNo: 2, description: 'Refund', ...by(agent) } },
        { type: 'SolutionAccepted', data: { solutionNo: 2, ...by(agent) } },
        { type: 'ComplaintResolved', data: { outcome: 'Refunded', resolvedAt: T1, withinSla: true, ...by(agent) } },
      ];
      spec.given([...withClosed, reopened, ...accepted2]).when(cmd('RecordSlaBreach', { clock: 'resolution', dueAt: NEW_DUE }, timer, NEW_DUE)).thenNothingHappens();
    });
  });

  describe('when a resolved complaint is reopened', () => {
    it('should not breach the first-response clock that resolution stopped', () => {
      const reopened: ComplaintEvent = { type: 'ComplaintReopened', data: { reason: 'again', reopenCount: 1, ...by(agent) } };
      spec
        .given([...withResolved, reopened])
        .when(cmd('RecordSlaBreach', { clock: 'first_response', dueAt: sla.firstResponseDueAt }, timer, LATE))
        .thenNothingHappens();
    });
  });

  describe('lifecycle', () => {
    it('should count as open every status before resolution, and as terminal the three closings', () => {
      expect(OPEN_STATUSES).toEqual([
        'received',
        'classified',
        'assigned',
        'investigating',
        'solution_proposed',
        'negotiating',
        'solution_accepted',
        'reopened',
      ]);
      expect(TERMINAL_STATUSES).toEqual(['closed', 'closed_invalid', 'closed_not_ours']);
      expect(complaintLifecycle.isOpen('resolved') || complaintLifecycle.isTerminal('resolved')).toBe(false);
    });

    it('should give the list projection the same status as the fold', () => {
      const stream = [...withClosed, { type: 'ComplaintReopened', data: { reason: 'x', reopenCount: 1, ...by(agent) } } as ComplaintEvent];
      let status: ComplaintStatus | undefined;
      stream.forEach((event, i) => {
        status = complaintLifecycle.statusAfter(event, status);
        expect(status).toBe(fold(complaintDecider, stream.slice(0, i + 1))!.status);
      });
      expect(complaintLifecycle.statusAfter(invalidated, 'assigned')).toBe('closed_invalid');
    });
  });

  describe('state for views', () => {
    it('should fold a full lifecycle into a complete view', () => {
      const state = fold(complaintDecider, [...withResolved, closed]);
      expect(state).toMatchObject({
        complaintId: ID,
        complaintNo: 'TS-20260105-0001',
        status: 'closed',
        category: 'PRODUCT_QUALITY',
        assigneeId: agent.id,
        escalationLevel: 'hq_agent',
        receivedAt: T0,
        resolvedAt: T1,
        outcome: 'Jacket exchanged',
        closedAt: T1,
        solutions: [{ no: 1, status: 'accepted', compensation: { kind: 'exchange' } }],
        sla: { policyId: 'chain', policyVersion: 0, resolvedAt: T1, resolutionWithinSla: true, warnings: [] },
      });
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });

    it('should start empty', () => {
      expect(complaintDecider.initialState()).toBeNull();
    });
  });
});

describe('Complaint: compensation handed over by another service', () => {
  const fulfiller: ComplaintActor = { id: 'system:compensation-fulfilment', role: 'system' };
  const report = (source: 'gifts' | 'after-sales', ref: string) => cmd('RecordCompensationFulfilled', { source, ref, fulfilledAt: T1 }, fulfiller);
  const exchangeDone: ComplaintEvent = {
    type: 'CompensationFulfilled',
    data: { solutionNo: 1, kind: 'exchange', source: 'after-sales', ref: 'as-1', fulfilledAt: T1, ...by(fulfiller) },
  };

  it('should record the hand-over against the accepted solution whose compensation that service fulfils', () => {
    spec.given(withAccepted).when(report('after-sales', 'as-1')).then([exchangeDone]);
    expect(fold(complaintDecider, [...withAccepted, exchangeDone])).toMatchObject({
      status: 'solution_accepted',
      solutions: [{ no: 1, status: 'accepted', fulfilments: [{ source: 'after-sales', ref: 'as-1', fulfilledAt: T1 }] }],
    });
  });

  it('should record it after the complaint was resolved or closed too', () => {
    spec.given(withClosed).when(report('after-sales', 'as-1')).then([exchangeDone]);
  });

  it('should record the same record of theirs once (a redelivery changes nothing)', () => {
    spec.given([...withAccepted, exchangeDone]).when(report('after-sales', 'as-1')).then([]);
  });

  it('should refuse a hand-over of a kind the accepted solution did not grant', () => {
    spec.given(withAccepted).when(report('gifts', 'issuance-1')).thenThrows(DomainError, 'COMPENSATION_NOT_GRANTED');
  });

  it("should refuse a hand-over made at another store than the complaint's", () => {
    spec
      .given(withAccepted)
      .when(cmd('RecordCompensationFulfilled', { source: 'after-sales', ref: 'as-9', fulfilledAt: T1, storeId: 'store-2' }, fulfiller))
      .thenThrows(DomainError, 'COMPENSATION_NOT_GRANTED');
    spec.given(withAccepted).when(cmd('RecordCompensationFulfilled', { source: 'after-sales', ref: 'as-1', fulfilledAt: T1, storeId: 'store-1' }, fulfiller)).then([exchangeDone]);
  });

  it('should refuse a hand-over while the compensation is only proposed', () => {
    spec.given(withProposal).when(report('after-sales', 'as-1')).thenThrows(DomainError, 'COMPENSATION_NOT_GRANTED');
  });

  it('should refuse it for a complaint that does not exist', () => {
    spec.given([]).when(report('gifts', 'issuance-1')).thenThrows(DomainError, 'COMPLAINT_NOT_FOUND');
  });
});
