import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { computeSlaClocks, DEFAULT_SLA_POLICIES } from '../sla/sla-policy.js';
import { workingCalendar } from '../sla/working-calendar.js';
import type { ComplaintActor, ComplaintCommand, FileComplaint } from './complaint.commands.js';
import { complaintDecider } from './complaint.decider.js';
import type { ComplaintEvent, ComplaintFiled } from './complaint.events.js';
import type { AuthorityLimits } from './complaint.values.js';

/** Ownership, hand-overs, authority, promises, call-back gate, merge and split (issue 11). */
const spec = DeciderSpecification(complaintDecider);

const ID = 'c-1';
const T0 = '2026-01-05T01:00:00.000Z';
const T1 = '2026-01-05T03:00:00.000Z';
const T2 = '2026-01-06T03:00:00.000Z';
const DUE = '2026-01-07T10:00:00.000Z';
const staff: ComplaintActor = { id: 'staff-1', role: 'store_staff', name: 'Li', storeId: 'S001' };
const storeManager: ComplaintActor = { id: 'smgr-1', role: 'store_manager', storeId: 'S001' };
const hqAgent: ComplaintActor = { id: 'agent-r1', role: 'hq_cs_agent', name: 'Zhao' };
const hqManager: ComplaintActor = { id: 'hq-mgr', role: 'hq_cs_manager' };
const system: ComplaintActor = { id: 'system:callbacks', role: 'system' };
const sla = computeSlaClocks(DEFAULT_SLA_POLICIES.chain, workingCalendar(), T0);
const by = (actor: ComplaintActor, at = T1) => ({ at, by: actor.id });
const authority: AuthorityLimits = { store_staff: { maxCompensationFen: 10_000 }, store_manager: { maxCompensationFen: 50_000 }, hq_agent: { maxCompensationFen: 200_000 } };

function file(overrides: Partial<FileComplaint> = {}): FileComplaint {
  return {
    type: 'FileComplaint',
    complaintId: ID,
    channel: 'store_visit',
    source: 'store',
    storeId: 'S001',
    regionId: 'R1',
    memberId: 'm-1',
    description: 'Jacket seam split after one wash',
    sla,
    owner: { id: staff.id, name: 'Li', rule: 'store_source' },
    now: T0,
    actor: staff,
    ...overrides,
  };
}

function cmd<T extends ComplaintCommand['type']>(
  type: T,
  fields: Omit<Extract<ComplaintCommand, { type: T }>, 'type' | 'complaintId' | 'now' | 'actor'>,
  actor: ComplaintActor = staff,
  now = T1,
): ComplaintCommand {
  return { type, complaintId: ID, now, actor, ...fields } as ComplaintCommand;
}

const filed: ComplaintFiled = {
  type: 'ComplaintFiled',
  data: {
    complaintId: ID,
    channel: 'store_visit',
    source: 'store',
    storeId: 'S001',
    regionId: 'R1',
    memberId: 'm-1',
    description: 'Jacket seam split after one wash',
    severity: 'P3',
    escalationLevel: 'store_staff',
    receivedAt: T0,
    slaPolicyId: 'chain',
    slaPolicyVersion: 0,
    firstResponseDueAt: sla.firstResponseDueAt,
    firstResponseWarnAt: sla.firstResponseWarnAt,
    resolutionDueAt: sla.resolutionDueAt,
    resolutionWarnAt: sla.resolutionWarnAt,
    at: T0,
    by: staff.id,
  },
};
const owned: ComplaintEvent = {
  type: 'ComplaintAssigned',
  data: { assigneeId: staff.id, assigneeName: 'Li', via: 'filing', rule: 'store_source', at: T0, by: staff.id },
};
const classified: ComplaintEvent = { type: 'ComplaintClassified', data: { category: 'PRODUCT_QUALITY', severity: 'P3', ...by(staff) } };
const inHand: ComplaintEvent = { type: 'ComplaintAssigned', data: { assigneeId: staff.id, previousAssigneeId: staff.id, ...by(staff) } };
const escalatedToHq: ComplaintEvent[] = [
  { type: 'ComplaintEscalated', data: { fromLevel: 'store_staff', toLevel: 'hq_agent', reason: 'Refund above store authority', ...by(staff) } },
  {
    type: 'ComplaintAssigned',
    data: {
      assigneeId: hqAgent.id,
      assigneeName: 'Zhao',
      previousAssigneeId: staff.id,
      via: 'escalation',
      note: 'Refund above store authority',
      ...by(staff),
    },
  },
];
const working = [filed, owned, classified, inHand];
const atHq = [...working, ...escalatedToHq];
const proposedWithPromise: ComplaintEvent = {
  type: 'SolutionProposed',
  data: {
    solutionNo: 1,
    description: 'Refund and a replacement jacket',
    compensation: { kind: 'refund', amount: 60_000 },
    promises: [{ no: 1, what: 'Replacement jacket delivered', dueAt: DUE }],
    ...by(hqAgent),
  },
};
const accepted: ComplaintEvent = { type: 'SolutionAccepted', data: { solutionNo: 1, ...by(hqAgent) } };
const granted: ComplaintEvent = {
  type: 'ComplaintCompensationGranted',
  data: { complaintId: ID, solutionNo: 1, kind: 'refund', amount: 60_000, memberId: 'm-1', storeId: 'S001', ...by(hqAgent) },
};
const resolved: ComplaintEvent = { type: 'ComplaintResolved', data: { outcome: 'Refunded', resolvedAt: T1, withinSla: true, ...by(hqAgent) } };
const promiseKept: ComplaintEvent = { type: 'PromiseKept', data: { promiseNo: 1, ...by(hqAgent, T2) } };
const withPromiseResolved = [...atHq, proposedWithPromise, accepted, granted, resolved];
const merged: ComplaintEvent = {
  type: 'ComplaintMerged',
  data: { intoComplaintId: 'c-0', note: 'Same jacket, same customer', customerMessage: 'We handle this under case c-0', ...by(staff) },
};

describe('Complaint teamwork', () => {
  describe('when filing with an owner (首问制, R27)', () => {
    it('should record the owner in the same decision as the filing', () => {
      spec.given([]).when(file()).then([filed, owned]);
    });

    it('should record an HQ override of the derived SLA policy', () => {
      spec
        .given([])
        .when(file({ slaPolicyOverride: { derivedPolicyId: 'chain' } }))
        .thenMatches([{ type: 'ComplaintFiled', data: { slaPolicyOverride: { derivedPolicyId: 'chain' } } }, owned]);
    });

    it('should record the case a split part came from', () => {
      spec
        .given([])
        .when(file({ splitFromComplaintId: 'c-0' }))
        .thenMatches([{ type: 'ComplaintFiled', data: { splitFromComplaintId: 'c-0' } }, owned]);
    });

    it('should refuse an owner without an id', () => {
      spec.given([]).when(file({ owner: { id: ' ' } })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when the owner takes the classified case in hand', () => {
    it('should put it in hand by assigning it to themselves', () => {
      spec.given([filed, owned, classified]).when(cmd('AssignComplaint', { assigneeId: staff.id })).then([inHand]);
    });

    it('should record a hand-over with from, to and the note', () => {
      spec
        .given(working)
        .when(cmd('AssignComplaint', { assigneeId: 'staff-2', note: 'Going on leave' }, storeManager))
        .then([{ type: 'ComplaintAssigned', data: { assigneeId: 'staff-2', previousAssigneeId: staff.id, note: 'Going on leave', ...by(storeManager) } }]);
    });

    it('should refuse a hand-over by someone who is neither owner nor manager', () => {
      spec.given(working).when(cmd('AssignComplaint', { assigneeId: 'staff-3' }, { id: 'staff-9', role: 'store_staff' })).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });
  });

  describe('when escalating to HQ', () => {
    it('should hand the case over to the person at the new level', () => {
      spec
        .given(working)
        .when(cmd('EscalateComplaint', { toLevel: 'hq_agent', reason: 'Refund above store authority', assignTo: { id: hqAgent.id, name: 'Zhao' } }))
        .then(escalatedToHq);
    });

    it('should not record a hand-over when the person at the level already owns it', () => {
      spec
        .given(working)
        .when(cmd('EscalateComplaint', { toLevel: 'store_manager', reason: 'Manager to decide', assignTo: { id: staff.id } }))
        .then([{ type: 'ComplaintEscalated', data: { fromLevel: 'store_staff', toLevel: 'store_manager', reason: 'Manager to decide', ...by(staff) } }]);
    });

    it('should let the breach rules escalate a case automatically, handing it over', () => {
      spec
        .given(working)
        .when(cmd('EscalateComplaint', { toLevel: 'store_manager', reason: 'Resolution SLA breached', assignTo: { id: storeManager.id } }, system))
        .thenMatches([
          { type: 'ComplaintEscalated', data: { toLevel: 'store_manager', by: system.id } },
          { type: 'ComplaintAssigned', data: { assigneeId: storeManager.id, previousAssigneeId: staff.id, via: 'escalation' } },
        ]);
    });

    it('should stop the store employee working it once HQ owns it', () => {
      spec.given(atHq).when(cmd('ProposeSolution', { description: 'Voucher' })).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });

    it('should stop the store manager working it once HQ owns it', () => {
      spec.given(atHq).when(cmd('ProposeSolution', { description: 'Voucher' }, storeManager)).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });

    it('should let the store manager work a store-level case they do not own', () => {
      spec
        .given(working)
        .when(cmd('ProposeSolution', { description: 'Voucher', compensation: { kind: 'voucher', amount: 5_000 } }, storeManager))
        .thenMatches([{ type: 'SolutionProposed', data: { solutionNo: 1 } }]);
    });
  });

  describe('when a compensation meets the authority limits', () => {
    it('should refuse a store employee proposing above the store limit', () => {
      spec
        .given(working)
        .when(cmd('ProposeSolution', { description: 'Refund', compensation: { kind: 'refund', amount: 60_000 }, authority }))
        .thenThrows(DomainError, 'COMPENSATION_ABOVE_AUTHORITY');
    });

    it('should let the HQ agent propose what the store could not', () => {
      spec
        .given(atHq)
        .when(
          cmd(
            'ProposeSolution',
            {
              description: 'Refund and a replacement jacket',
              compensation: { kind: 'refund', amount: 60_000 },
              promises: [{ what: 'Replacement jacket delivered', dueAt: DUE }],
              authority,
            },
            hqAgent,
          ),
        )
        .then([proposedWithPromise]);
    });

    it('should refuse the HQ agent above the HQ agent limit', () => {
      spec
        .given(atHq)
        .when(cmd('ProposeSolution', { description: 'Refund', compensation: { kind: 'refund', amount: 300_000 }, authority }, hqAgent))
        .thenThrows(DomainError, 'COMPENSATION_ABOVE_AUTHORITY');
    });

    it('should check the limit again on acceptance', () => {
      const tight: AuthorityLimits = { hq_agent: { maxCompensationFen: 1_000 } };
      spec.given([...atHq, proposedWithPromise]).when(cmd('AcceptSolution', { solutionNo: 1, authority: tight }, hqAgent)).thenThrows(DomainError, 'COMPENSATION_ABOVE_AUTHORITY');
    });

    it('should have no limit for a level the configuration leaves out', () => {
      spec
        .given([...atHq, ...[{ type: 'ComplaintEscalated', data: { fromLevel: 'hq_agent', toLevel: 'hq_manager', reason: 'P1', ...by(hqAgent) } } as ComplaintEvent]])
        .when(cmd('ProposeSolution', { description: 'Refund', compensation: { kind: 'refund', amount: 900_000 }, authority }, hqManager))
        .thenMatches([{ type: 'SolutionProposed' }]);
    });
  });

  describe('when a solution carries promises', () => {
    it.each([
      [{ what: ' ', dueAt: DUE }],
      [{ what: 'Call back', dueAt: 'tomorrow' }],
      [{ what: 'Call back', dueAt: T0 }],
    ])('should refuse a promise without what, or due before now (%j)', (promise) => {
      spec.given(atHq).when(cmd('ProposeSolution', { description: 'x', promises: [promise] }, hqAgent)).thenThrows(DomainError, 'INVALID_PROMISE');
    });

    it('should number promises across the case', () => {
      const rejected: ComplaintEvent = { type: 'SolutionRejected', data: { solutionNo: 1, reason: 'Wants cash', ...by(hqAgent) } };
      spec
        .given([...atHq, proposedWithPromise, rejected])
        .when(cmd('ProposeSolution', { description: 'Cash', promises: [{ what: 'Cash at the till', dueAt: DUE }] }, hqAgent))
        .thenMatches([{ type: 'SolutionProposed', data: { solutionNo: 2, promises: [{ no: 2, what: 'Cash at the till', dueAt: DUE }] } }]);
    });

    it('should record a kept promise of the accepted solution', () => {
      spec.given(withPromiseResolved).when(cmd('KeepPromise', { promiseNo: 1 }, hqAgent, T2)).then([promiseKept]);
    });

    it('should refuse keeping a promise of a solution not accepted', () => {
      spec.given([...atHq, proposedWithPromise]).when(cmd('KeepPromise', { promiseNo: 1 }, hqAgent)).thenThrows(DomainError, 'PROMISE_NOT_FOUND');
    });

    it('should refuse a colleague keeping the owner’s promise', () => {
      spec.given(withPromiseResolved).when(cmd('KeepPromise', { promiseNo: 1 }, { id: 'agent-9', role: 'hq_cs_agent' })).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });

    it('should refuse keeping a promise twice', () => {
      spec.given([...withPromiseResolved, promiseKept]).when(cmd('KeepPromise', { promiseNo: 1 }, hqAgent)).thenThrows(DomainError, 'PROMISE_NOT_FOUND');
    });

    it('should alert an overdue promise once', () => {
      const overdue: ComplaintEvent = { type: 'PromiseOverdue', data: { promiseNo: 1, what: 'Replacement jacket delivered', dueAt: DUE, ...by(system, DUE) } };
      spec.given(withPromiseResolved).when(cmd('RecordPromiseOverdue', { promiseNo: 1 }, system, DUE)).then([overdue]);
      spec.given([...withPromiseResolved, overdue]).when(cmd('RecordPromiseOverdue', { promiseNo: 1 }, system, DUE)).thenNothingHappens();
    });

    it('should ignore the overdue timer for a kept promise, or before the due instant', () => {
      spec.given([...withPromiseResolved, promiseKept]).when(cmd('RecordPromiseOverdue', { promiseNo: 1 }, system, DUE)).thenNothingHappens();
      spec.given(withPromiseResolved).when(cmd('RecordPromiseOverdue', { promiseNo: 1 }, system, T2)).thenNothingHappens();
    });
  });

  describe('when closing', () => {
    it('should refuse while a promise is open', () => {
      spec.given(withPromiseResolved).when(cmd('CloseComplaint', { callbackState: 'completed' }, hqAgent)).thenThrows(DomainError, 'COMPLAINT_PROMISE_OPEN');
    });

    it.each(['none', 'pending', 'in_progress', 'reached', 'cancelled'] as const)(
      'should refuse while the call-back is %s (R23)',
      (callbackState) => {
        spec.given([...withPromiseResolved, promiseKept]).when(cmd('CloseComplaint', { callbackState }, hqAgent)).thenThrows(DomainError, 'COMPLAINT_CALLBACK_NOT_SETTLED');
      },
    );

    it.each(['completed', 'unreachable', 'declined'] as const)('should close once the call-back is %s and the promises kept', (callbackState) => {
      spec
        .given([...withPromiseResolved, promiseKept])
        .when(cmd('CloseComplaint', { callbackState }, hqAgent, T2))
        .then([{ type: 'ComplaintClosed', data: { closedAt: T2, callbackState, ...by(hqAgent, T2) } }]);
    });
  });

  describe('when the call-back found the customer unsatisfied', () => {
    const closed: ComplaintEvent = { type: 'ComplaintClosed', data: { closedAt: T2, callbackState: 'completed', ...by(hqAgent, T2) } };

    it('should reopen a resolved or closed case, naming the call-back', () => {
      const reopen = cmd('ReopenAfterCallback', { callbackId: 'cb-1', reason: 'Customer unsatisfied', resolution: { dueAt: DUE, warnAt: T2 } }, system, T2);
      const expected: ComplaintEvent = {
        type: 'ComplaintReopened',
        data: { reason: 'Customer unsatisfied', reopenCount: 1, resolutionDueAt: DUE, resolutionWarnAt: T2, callbackId: 'cb-1', ...by(system, T2) },
      };
      spec.given(withPromiseResolved).when(reopen).then([expected]);
      spec.given([...withPromiseResolved, promiseKept, closed]).when(reopen).then([expected]);
    });

    it('should refuse reopening without a reason', () => {
      spec.given(withPromiseResolved).when(cmd('ReopenAfterCallback', { callbackId: 'cb-1', reason: ' ' }, system)).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should refuse reopening a case still being worked', () => {
      spec.given(atHq).when(cmd('ReopenAfterCallback', { callbackId: 'cb-1', reason: 'x' }, system)).thenThrows(DomainError, 'COMPLAINT_CANNOT_REOPEN');
    });
  });

  describe('when merging a duplicate', () => {
    it('should merge it into the other case and tell the customer', () => {
      spec
        .given(working)
        .when(cmd('MergeComplaint', { intoComplaintId: 'c-0', note: 'Same jacket, same customer', customerMessage: 'We handle this under case c-0' }))
        .then([merged]);
    });

    it('should refuse merging into itself or without a message to the customer', () => {
      spec.given(working).when(cmd('MergeComplaint', { intoComplaintId: ID, note: 'x', customerMessage: 'y' })).thenThrows(DomainError, 'INVALID_MERGE');
      spec.given(working).when(cmd('MergeComplaint', { intoComplaintId: 'c-0', note: 'x', customerMessage: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should stop its clocks: the SLA timers do nothing', () => {
      spec.given([...working, merged]).when(cmd('RecordSlaBreach', { clock: 'resolution', dueAt: sla.resolutionDueAt }, system)).thenNothingHappens();
    });

    it('should refuse work on the merged case', () => {
      spec.given([...working, merged]).when(cmd('ProposeSolution', { description: 'x' })).thenThrows(DomainError, 'COMPLAINT_MERGED');
    });

    it('should record the merged case on the case that goes on, once', () => {
      const recorded: ComplaintEvent = { type: 'MergedCaseRecorded', data: { mergedComplaintId: 'c-2', action: 'merged', ...by(system) } };
      spec.given(working).when(cmd('RecordMergedCase', { mergedComplaintId: 'c-2', action: 'merged' }, system)).then([recorded]);
      spec.given([...working, recorded]).when(cmd('RecordMergedCase', { mergedComplaintId: 'c-2', action: 'merged' }, system)).thenNothingHappens();
    });

    it('should refuse recording a case as merged into itself', () => {
      spec.given(working).when(cmd('RecordMergedCase', { mergedComplaintId: ID, action: 'merged' }, system)).thenThrows(DomainError, 'INVALID_MERGE');
    });

    it('should refuse merging a resolved case, and a merge by a colleague', () => {
      spec
        .given(withPromiseResolved)
        .when(cmd('MergeComplaint', { intoComplaintId: 'c-0', note: 'x', customerMessage: 'y' }, hqAgent))
        .thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
      spec
        .given(working)
        .when(cmd('MergeComplaint', { intoComplaintId: 'c-0', note: 'x', customerMessage: 'y' }, { id: 'staff-9', role: 'store_staff', storeId: 'S001' }))
        .thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });

    it('should refuse merging a case into one that is merged into it', () => {
      const recorded: ComplaintEvent = { type: 'MergedCaseRecorded', data: { mergedComplaintId: 'c-0', action: 'merged', ...by(system) } };
      spec
        .given([...working, recorded])
        .when(cmd('MergeComplaint', { intoComplaintId: 'c-0', note: 'x', customerMessage: 'y' }))
        .thenThrows(DomainError, 'INVALID_MERGE');
    });
  });

  describe('when unmerging', () => {
    const fresh = { firstResponseDueAt: DUE, firstResponseWarnAt: T2, resolutionDueAt: DUE, resolutionWarnAt: T2 };

    it('should let the case run on its own again with fresh clocks', () => {
      spec
        .given([...working, merged])
        .when(cmd('UnmergeComplaint', { note: 'Not the same jacket after all', sla: fresh }))
        .then([{ type: 'ComplaintUnmerged', data: { fromComplaintId: 'c-0', note: 'Not the same jacket after all', ...fresh, ...by(staff) } }]);
    });

    it('should run the clocks again after unmerging', () => {
      const unmerged: ComplaintEvent = { type: 'ComplaintUnmerged', data: { fromComplaintId: 'c-0', note: 'x', ...fresh, ...by(staff) } };
      spec
        .given([...working, merged, unmerged])
        .when(cmd('RecordSlaBreach', { clock: 'resolution', dueAt: DUE }, system, DUE))
        .then([{ type: 'SlaBreached', data: { clock: 'resolution', dueAt: DUE, ...by(system, DUE) } }]);
    });

    it('should refuse an unmerge by a colleague', () => {
      spec.given([...working, merged]).when(cmd('UnmergeComplaint', { note: 'x' }, { id: 'staff-9', role: 'store_staff', storeId: 'S001' })).thenThrows(DomainError, 'COMPLAINT_NOT_ASSIGNEE');
    });

    it('should refuse unmerging a case that is not merged', () => {
      spec.given(working).when(cmd('UnmergeComplaint', { note: 'x' })).thenThrows(DomainError, 'COMPLAINT_NOT_MERGED');
    });

    it('should take a merged case out of the case that goes on', () => {
      const recorded: ComplaintEvent = { type: 'MergedCaseRecorded', data: { mergedComplaintId: 'c-2', action: 'merged', ...by(system) } };
      spec
        .given([...working, recorded])
        .when(cmd('RecordMergedCase', { mergedComplaintId: 'c-2', action: 'unmerged' }, system))
        .then([{ type: 'MergedCaseRecorded', data: { mergedComplaintId: 'c-2', action: 'unmerged', ...by(system) } }]);
    });
  });

  describe('when splitting a part out', () => {
    it('should record the new case on this one', () => {
      spec
        .given(working)
        .when(cmd('SplitComplaint', { newComplaintId: 'c-3', description: 'The rude cashier is a separate matter' }))
        .then([{ type: 'ComplaintSplit', data: { newComplaintId: 'c-3', description: 'The rude cashier is a separate matter', ...by(staff) } }]);
    });

    it('should do nothing when the same part is split again (retry)', () => {
      const split: ComplaintEvent = { type: 'ComplaintSplit', data: { newComplaintId: 'c-3', description: 'x', ...by(staff) } };
      spec.given([...working, split]).when(cmd('SplitComplaint', { newComplaintId: 'c-3', description: 'x' })).thenNothingHappens();
    });

    it('should refuse splitting into its own id, or without a description', () => {
      spec.given(working).when(cmd('SplitComplaint', { newComplaintId: ID, description: 'x' })).thenThrows(DomainError, 'INVALID_MERGE');
      spec.given(working).when(cmd('SplitComplaint', { newComplaintId: 'c-3', description: ' ' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should refuse splitting a resolved case', () => {
      spec.given(withPromiseResolved).when(cmd('SplitComplaint', { newComplaintId: 'c-3', description: 'x' }, hqAgent)).thenThrows(DomainError, 'COMPLAINT_INVALID_TRANSITION');
    });
  });
});
