import type { RepairEvent } from './repair.events.js';
import { repairLifecycle } from './repair.lifecycle.js';
import type { Repair, RepairClock, RepairState } from './repair.state.js';

const stop = (clock: RepairClock | undefined, at: string): RepairClock | undefined => (clock && !clock.stoppedAt ? { ...clock, stoppedAt: at } : clock);

export function evolveRepair(state: RepairState, event: RepairEvent): RepairState {
  if (event.type === 'RepairRegistered') {
    const { at, by, ...intake } = event.data;
    return { ...intake, status: repairLifecycle.statusAfter(event, undefined), registeredBy: by, updatedAt: at };
  }
  if (!state) return state;
  const next: Repair = { ...state, status: repairLifecycle.statusAfter(event, state.status), updatedAt: event.data.at };
  switch (event.type) {
    case 'RepairVisitScheduled': {
      const { at, dueAt, policyVersion } = event.data;
      return { ...next, clock: { kind: 'visit', startedAt: at, dueAt, policyVersion, breached: false } };
    }
    case 'RepairItemReceived': {
      const { receivedAt, dueAt, policyVersion, accessoriesIncluded, invoiceIncluded, waybillNo } = event.data;
      return {
        ...next,
        receipt: { at: receivedAt, accessoriesIncluded, invoiceIncluded, waybillNo },
        clock: { kind: 'turnaround', startedAt: receivedAt, dueAt, policyVersion, breached: false },
      };
    }
    case 'RepairDiagnosed': {
      const { fault, plan, free, at, by, byTechCentre, visitedAt } = event.data;
      return { ...next, diagnosis: { fault, plan, free, at, by, byTechCentre }, clock: visitedAt ? stop(state.clock, visitedAt) : state.clock };
    }
    case 'RepairEscalated':
      return { ...next, escalation: { reason: event.data.reason, at: event.data.at, by: event.data.by } };
    case 'RepairQuoted':
      return { ...next, quote: { amount: event.data.amount, paymentMethod: event.data.paymentMethod, status: 'pending' } };
    case 'RepairQuoteAccepted':
      return { ...next, quote: { ...state.quote!, status: 'accepted', decidedAt: event.data.at } };
    case 'RepairQuoteDeclined':
      return { ...next, quote: { ...state.quote!, status: 'declined', decidedAt: event.data.at } };
    case 'RepairStarted':
      return { ...next, technicianId: event.data.technicianId };
    case 'RepairQcRecorded':
      return { ...next, qc: { passed: event.data.passed, notes: event.data.notes, at: event.data.at } };
    case 'RepairReady':
      return { ...next, readyAt: event.data.readyAt, clock: stop(state.clock, event.data.readyAt) };
    case 'RepairReturnShipped':
      return { ...next, readyAt: event.data.readyAt, returnWaybillNo: event.data.waybillNo, clock: stop(state.clock, event.data.readyAt) };
    case 'RepairCompleted':
      return { ...next, completedAt: event.data.completedAt, clock: stop(state.clock, event.data.completedAt) };
    case 'RepairCallbackScheduled':
      return { ...next, callbackDueAt: event.data.dueAt };
    case 'RepairClosed':
      return { ...next, closedAt: event.data.at, satisfaction: event.data.satisfaction };
    case 'RepairCancelled':
      return { ...next, cancellation: { at: event.data.at, by: event.data.by, reason: event.data.reason }, clock: stop(state.clock, event.data.at) };
    case 'RepairDeadlineBreached':
      return state.clock ? { ...next, clock: { ...state.clock, breached: true, breachedAt: event.data.at } } : next;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
