import type { ComplaintEvent } from './complaint.events.js';
import { complaintLifecycle } from './complaint.lifecycle.js';
import type { Complaint, ComplaintState, Solution } from './complaint.state.js';

function updateSolution(state: Complaint, no: number, change: Partial<Solution>): Solution[] {
  return state.solutions.map((s) => (s.no === no ? { ...s, ...change } : s));
}

export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintFiled') {
    const d = event.data;
    return {
      complaintId: d.complaintId,
      complaintNo: d.complaintNo,
      channel: d.channel,
      source: d.source,
      storeId: d.storeId,
      regionId: d.regionId,
      memberId: d.memberId,
      customer: d.customer,
      description: d.description,
      category: d.category,
      orderRef: d.orderRef,
      severity: d.severity,
      status: complaintLifecycle.statusAfter(event, undefined),
      escalationLevel: d.escalationLevel,
      solutions: [],
      sla: {
        policyId: d.slaPolicyId,
        policyVersion: d.slaPolicyVersion,
        firstResponseDueAt: d.firstResponseDueAt,
        firstResponseWarnAt: d.firstResponseWarnAt,
        resolutionDueAt: d.resolutionDueAt,
        resolutionWarnAt: d.resolutionWarnAt,
        firstResponseBreached: false,
        resolutionBreached: false,
        warnings: [],
      },
      reopenCount: 0,
      splitFromComplaintId: d.splitFromComplaintId,
      slaPolicyOverride: d.slaPolicyOverride,
      promises: [],
      mergedCases: [],
      splitOff: [],
      receivedAt: d.receivedAt,
      receivedBy: d.by,
      updatedAt: d.at,
    };
  }
  // Events before the filing cannot exist in a well-formed stream; ignore rather than crash a fold.
  if (!state) return state;
  const s: Complaint = { ...state, status: complaintLifecycle.statusAfter(event, state.status), updatedAt: event.data.at };

  switch (event.type) {
    case 'ComplaintRepeatDetected':
      return { ...s, repeatOfComplaintId: event.data.repeatOfComplaintId, severity: event.data.severityRaisedTo };
    case 'ComplaintClassified':
      return { ...s, category: event.data.category, severity: event.data.severity };
    case 'ComplaintAssigned':
      return { ...s, assigneeId: event.data.assigneeId, assigneeName: event.data.assigneeName };
    case 'FirstResponseSent':
      return {
        ...s,
        firstResponseMessage: event.data.message,
        sla: { ...s.sla, firstRespondedAt: event.data.at, firstResponseWithinSla: event.data.withinSla },
      };
    case 'ComplaintEscalated':
      return { ...s, escalationLevel: event.data.toLevel };
    case 'SolutionProposed': {
      const d = event.data;
      const previous = s.solutions.map((x) => (x.status === 'pending' ? { ...x, status: 'superseded' as const } : x));
      const solution: Solution = {
        no: d.solutionNo,
        description: d.description,
        compensation: d.compensation,
        expectedResolutionAt: d.expectedResolutionAt,
        status: 'pending',
        proposedAt: d.at,
        proposedBy: d.by,
      };
      const promises = (d.promises ?? []).map((p) => ({ ...p, solutionNo: d.solutionNo, overdue: false }));
      return { ...s, solutions: [...previous, solution], promises: [...s.promises, ...promises] };
    }
    case 'SolutionAccepted':
      return { ...s, solutions: updateSolution(s, event.data.solutionNo, { status: 'accepted' }) };
    case 'SolutionRejected':
      return {
        ...s,
        solutions: updateSolution(s, event.data.solutionNo, { status: 'rejected', rejectionReason: event.data.reason }),
      };
    case 'ComplaintCompensationGranted':
      return s;
    case 'CompensationFulfilled': {
      const d = event.data;
      const solution = s.solutions.find((x) => x.no === d.solutionNo);
      const fulfilments = [...(solution?.fulfilments ?? []), { source: d.source, ref: d.ref, fulfilledAt: d.fulfilledAt }];
      return { ...s, solutions: updateSolution(s, d.solutionNo, { fulfilments }) };
    }
    case 'ComplaintResolved':
      return {
        ...s,
        resolvedAt: event.data.resolvedAt,
        outcome: event.data.outcome,
        sla: s.sla.resolvedAt
          ? { ...s.sla, resolutionStoppedAt: event.data.resolvedAt }
          : { ...s.sla, resolvedAt: event.data.resolvedAt, resolutionWithinSla: event.data.withinSla, resolutionStoppedAt: event.data.resolvedAt },
      };
    case 'ComplaintClosed':
      return {
        ...s,
        closedAt: event.data.closedAt,
        satisfaction: event.data.satisfaction,
        closingNote: event.data.note,
        callbackOutcome: event.data.callbackOutcome,
        callbackState: event.data.callbackState,
      };
    case 'InvestigationStarted':
      return { ...s, investigation: { startedAt: event.data.at, startedBy: event.data.by, note: event.data.note } };
    case 'ComplaintReopened': {
      const d = event.data;
      const sla =
        d.resolutionDueAt && d.resolutionWarnAt
          ? {
              ...s.sla,
              resolutionDueAt: d.resolutionDueAt,
              resolutionWarnAt: d.resolutionWarnAt,
              resolutionBreached: false,
              resolutionStoppedAt: undefined,
              warnings: s.sla.warnings.filter((w) => w !== 'resolution'),
            }
          : s.sla;
      return { ...s, reopenCount: d.reopenCount, closedAt: undefined, sla };
    }
    case 'ComplaintInvalidated': {
      const d = event.data;
      return {
        ...s,
        closedAt: d.closedAt,
        invalidation: { reason: d.reason, explanation: d.explanation, duplicateOfComplaintId: d.duplicateOfComplaintId },
      };
    }
    case 'SlaWarningReached':
      return { ...s, sla: { ...s.sla, warnings: [...s.sla.warnings, event.data.clock] } };
    case 'SlaBreached':
      return {
        ...s,
        sla:
          event.data.clock === 'first_response'
            ? { ...s.sla, firstResponseBreached: true }
            : { ...s.sla, resolutionBreached: true },
      };
    case 'PromiseKept':
      return { ...s, promises: s.promises.map((p) => (p.no === event.data.promiseNo ? { ...p, keptAt: event.data.at } : p)) };
    case 'PromiseOverdue':
      return { ...s, promises: s.promises.map((p) => (p.no === event.data.promiseNo ? { ...p, overdue: true } : p)) };
    case 'ComplaintMerged':
      return { ...s, mergedInto: event.data.intoComplaintId };
    case 'ComplaintUnmerged': {
      const d = event.data;
      const sla =
        d.firstResponseDueAt && d.firstResponseWarnAt && d.resolutionDueAt && d.resolutionWarnAt
          ? {
              ...s.sla,
              firstResponseDueAt: d.firstResponseDueAt,
              firstResponseWarnAt: d.firstResponseWarnAt,
              resolutionDueAt: d.resolutionDueAt,
              resolutionWarnAt: d.resolutionWarnAt,
              firstResponseBreached: false,
              resolutionBreached: false,
              warnings: [],
            }
          : s.sla;
      return { ...s, mergedInto: undefined, sla };
    }
    case 'MergedCaseRecorded': {
      const { mergedComplaintId: id, action } = event.data;
      return { ...s, mergedCases: action === 'merged' ? [...s.mergedCases, id] : s.mergedCases.filter((x) => x !== id) };
    }
    case 'ComplaintSplit':
      return { ...s, splitOff: [...s.splitOff, event.data.newComplaintId] };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
