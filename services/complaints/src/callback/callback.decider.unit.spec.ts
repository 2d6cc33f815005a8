import { DomainError, fold } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { CallbackActor, CallbackCommand, ScheduleCallback } from './callback.commands.js';
import { callbackDecider } from './callback.decider.js';
import type { CallbackEvent, CallbackScheduled } from './callback.events.js';

const spec = DeciderSpecification(callbackDecider);
const ID = 'cb-1';
const T0 = '2026-03-02T02:00:00.000Z';
const T1 = '2026-03-03T02:00:00.000Z';
const DUE = '2026-03-04T02:00:00.000Z';
const LATE = '2026-03-05T02:00:00.000Z';
const agent: CallbackActor = { id: 'agent-1', role: 'hq_cs_agent' };
const timer: CallbackActor = { id: 'system:timer', role: 'system' };

function schedule(overrides: Partial<ScheduleCallback> = {}): ScheduleCallback {
  return {
    type: 'ScheduleCallback',
    callbackId: ID,
    kind: 'complaint',
    sourceRef: 'complaint-9',
    storeId: 'S001',
    regionId: 'R1',
    memberId: 'm-1',
    dueAt: DUE,
    maxAttempts: 3,
    now: T0,
    actor: agent,
    ...overrides,
  };
}

const scheduled: CallbackScheduled = {
  type: 'CallbackScheduled',
  data: { callbackId: ID, kind: 'complaint', sourceRef: 'complaint-9', storeId: 'S001', regionId: 'R1', memberId: 'm-1', dueAt: DUE, maxAttempts: 3, at: T0, by: agent.id },
};

const attempt = (outcome: 'reached' | 'no_answer' | 'busy' | 'wrong_number' | 'refused', attemptNo: number): CallbackEvent => ({
  type: 'CallbackAttemptRecorded',
  data: { attemptNo, outcome, channel: 'phone', at: T1, by: agent.id },
});

function cmd<T extends CallbackCommand['type']>(type: T, fields: Omit<Extract<CallbackCommand, { type: T }>, 'type' | 'callbackId' | 'now' | 'actor'>, now = T1, actor = agent) {
  return { type, callbackId: ID, now, actor, ...fields } as Extract<CallbackCommand, { type: T }>;
}

describe('Call-back', () => {
  describe('when scheduled', () => {
    it('should record the kind, source, due instant and attempt limit', () => {
      spec.given([]).when(schedule()).then([scheduled]);
    });

    it('should accept a walk-in customer instead of a member', () => {
      spec
        .given([])
        .when(schedule({ memberId: undefined, customer: { name: 'Wang', mobile: '13912345678' } }))
        .thenMatches([{ type: 'CallbackScheduled', data: { customer: { name: 'Wang', mobile: '13912345678' } } }]);
    });

    it('should mark a call-back drawn by a sampling run', () => {
      spec.given([]).when(schedule({ sampled: true })).thenMatches([{ data: { sampled: true } }]);
    });

    it('should refuse a second scheduling of the same call-back', () => {
      spec.given([scheduled]).when(schedule()).thenThrows(DomainError, 'CALLBACK_ALREADY_EXISTS');
    });

    it('should refuse an unknown kind', () => {
      spec.given([]).when(schedule({ kind: 'gossip' as never })).thenThrows(DomainError, 'CALLBACK_UNKNOWN_KIND');
    });

    it('should refuse a missing source or store', () => {
      spec.given([]).when(schedule({ sourceRef: ' ' })).thenThrows(DomainError, 'CALLBACK_FIELD_REQUIRED');
      spec.given([]).when(schedule({ storeId: '' })).thenThrows(DomainError, 'CALLBACK_FIELD_REQUIRED');
    });

    it('should refuse a due instant that is not an instant', () => {
      spec.given([]).when(schedule({ dueAt: 'tomorrow' })).thenThrows(DomainError, 'CALLBACK_INVALID_DUE_AT');
    });

    it('should refuse an attempt limit outside 1..10', () => {
      spec.given([]).when(schedule({ maxAttempts: 0 })).thenThrows(DomainError, 'CALLBACK_INVALID_MAX_ATTEMPTS');
      spec.given([]).when(schedule({ maxAttempts: 2.5 })).thenThrows(DomainError, 'CALLBACK_INVALID_MAX_ATTEMPTS');
    });

    it('should refuse a call-back with nobody to call', () => {
      spec.given([]).when(schedule({ memberId: undefined })).thenThrows(DomainError, 'CALLBACK_CONTACT_REQUIRED');
    });
  });

  describe('when an attempt is recorded', () => {
    it('should number attempts and move to in progress when not reached', () => {
      spec.given([scheduled]).when(cmd('RecordCallbackAttempt', { outcome: 'no_answer' })).then([attempt('no_answer', 1)]);
      const state = fold(callbackDecider, [scheduled, attempt('no_answer', 1)]);
      expect(state?.status).toBe('in_progress');
    });

    it('should make the call-back reached when the customer answers', () => {
      const state = fold(callbackDecider, [scheduled, attempt('no_answer', 1), attempt('reached', 2)]);
      expect(state?.status).toBe('reached');
      expect(state?.attempts.map((a) => a.outcome)).toEqual(['no_answer', 'reached']);
    });

    it('should make it unreachable on the third unanswered attempt', () => {
      spec
        .given([scheduled, attempt('no_answer', 1), attempt('busy', 2)])
        .when(cmd('RecordCallbackAttempt', { outcome: 'wrong_number', channel: 'sms' }))
        .then([
          { type: 'CallbackAttemptRecorded', data: { attemptNo: 3, outcome: 'wrong_number', channel: 'sms', at: T1, by: agent.id } },
          { type: 'CallbackUnreachable', data: { unansweredAttempts: 3, at: T1, by: agent.id } },
        ]);
    });

    it('should follow the configured attempt limit', () => {
      spec
        .given([{ ...scheduled, data: { ...scheduled.data, maxAttempts: 1 } }])
        .when(cmd('RecordCallbackAttempt', { outcome: 'busy' }))
        .thenMatches([{ type: 'CallbackAttemptRecorded' }, { type: 'CallbackUnreachable' }]);
    });

    it('should end the call-back as declined when the customer refuses', () => {
      spec
        .given([scheduled])
        .when(cmd('RecordCallbackAttempt', { outcome: 'refused', note: 'does not want calls' }))
        .then([
          { type: 'CallbackAttemptRecorded', data: { attemptNo: 1, outcome: 'refused', channel: 'phone', note: 'does not want calls', at: T1, by: agent.id } },
          { type: 'CallbackDeclined', data: { note: 'does not want calls', at: T1, by: agent.id } },
        ]);
    });

    it('should refuse an attempt after the customer was reached', () => {
      spec.given([scheduled, attempt('reached', 1)]).when(cmd('RecordCallbackAttempt', { outcome: 'busy' })).thenThrows(DomainError, 'CALLBACK_INVALID_TRANSITION');
    });

    it('should refuse an attempt on an unreachable call-back', () => {
      const unreachable: CallbackEvent = { type: 'CallbackUnreachable', data: { unansweredAttempts: 3, at: T1, by: agent.id } };
      spec.given([scheduled, unreachable]).when(cmd('RecordCallbackAttempt', { outcome: 'busy' })).thenThrows(DomainError, 'CALLBACK_INVALID_TRANSITION');
    });

    it('should refuse an unknown outcome', () => {
      spec.given([scheduled]).when(cmd('RecordCallbackAttempt', { outcome: 'voicemail' as never })).thenThrows(DomainError, 'CALLBACK_UNKNOWN_OUTCOME');
    });

    it('should refuse an attempt on a call-back that does not exist', () => {
      spec.given([]).when(cmd('RecordCallbackAttempt', { outcome: 'busy' })).thenThrows(DomainError, 'CALLBACK_NOT_FOUND');
    });
  });

  describe('when completed', () => {
    it('should record satisfaction and answers, on time before the due instant', () => {
      spec
        .given([scheduled, attempt('reached', 1)])
        .when(cmd('CompleteCallback', { satisfaction: 5, satisfied: true, answers: { resolved: true }, note: 'happy' }))
        .then([{ type: 'CallbackCompleted', data: { satisfaction: 5, satisfied: true, answers: { resolved: true }, note: 'happy', late: false, at: T1, by: agent.id } }]);
    });

    it('should flag a completion after the due instant as late', () => {
      spec
        .given([scheduled])
        .when(cmd('CompleteCallback', { satisfaction: 3, satisfied: false }, LATE))
        .then([{ type: 'CallbackCompleted', data: { satisfaction: 3, satisfied: false, answers: {}, late: true, at: LATE, by: agent.id } }]);
    });

    it('should refuse a satisfaction outside 1..5', () => {
      spec.given([scheduled]).when(cmd('CompleteCallback', { satisfaction: 6, satisfied: true })).thenThrows(DomainError, 'CALLBACK_INVALID_SATISFACTION');
      spec.given([scheduled]).when(cmd('CompleteCallback', { satisfaction: 0, satisfied: false })).thenThrows(DomainError, 'CALLBACK_INVALID_SATISFACTION');
    });

    it('should refuse a satisfaction that contradicts the satisfied flag', () => {
      spec.given([scheduled]).when(cmd('CompleteCallback', { satisfaction: 1, satisfied: true })).thenThrows(DomainError, 'CALLBACK_SATISFACTION_CONTRADICTS');
      spec.given([scheduled]).when(cmd('CompleteCallback', { satisfaction: 5, satisfied: false })).thenThrows(DomainError, 'CALLBACK_SATISFACTION_CONTRADICTS');
    });

    it('should refuse a second completion', () => {
      const completed: CallbackEvent = { type: 'CallbackCompleted', data: { satisfaction: 4, satisfied: true, answers: {}, late: false, at: T1, by: agent.id } };
      spec.given([scheduled, completed]).when(cmd('CompleteCallback', { satisfaction: 4, satisfied: true })).thenThrows(DomainError, 'CALLBACK_INVALID_TRANSITION');
    });
  });

  describe('when reassigned or cancelled', () => {
    it('should hand the call-back to another agent, and do nothing for the same one', () => {
      spec
        .given([scheduled])
        .when(cmd('ReassignCallback', { assigneeId: 'agent-2' }))
        .then([{ type: 'CallbackReassigned', data: { assigneeId: 'agent-2', at: T1, by: agent.id } }]);
      const reassigned: CallbackEvent = { type: 'CallbackReassigned', data: { assigneeId: 'agent-2', at: T1, by: agent.id } };
      spec.given([scheduled, reassigned]).when(cmd('ReassignCallback', { assigneeId: 'agent-2' })).thenNothingHappens();
    });

    it('should refuse a reassignment without an assignee', () => {
      spec.given([scheduled]).when(cmd('ReassignCallback', { assigneeId: '' })).thenThrows(DomainError, 'CALLBACK_FIELD_REQUIRED');
    });

    it('should cancel with a reason, and refuse without one', () => {
      spec.given([scheduled]).when(cmd('CancelCallback', { reason: 'complaint merged' })).then([{ type: 'CallbackCancelled', data: { reason: 'complaint merged', at: T1, by: agent.id } }]);
      spec.given([scheduled]).when(cmd('CancelCallback', { reason: ' ' })).thenThrows(DomainError, 'CALLBACK_FIELD_REQUIRED');
    });

    it('should refuse to cancel a finished call-back', () => {
      const cancelled: CallbackEvent = { type: 'CallbackCancelled', data: { reason: 'x', at: T1, by: agent.id } };
      spec.given([scheduled, cancelled]).when(cmd('CancelCallback', { reason: 'again' })).thenThrows(DomainError, 'CALLBACK_INVALID_TRANSITION');
    });
  });

  describe('when its due instant passes', () => {
    it('should mark an open call-back overdue once', () => {
      const overdue: CallbackEvent = { type: 'CallbackOverdue', data: { dueAt: DUE, at: DUE, by: timer.id } };
      spec.given([scheduled]).when(cmd('MarkCallbackOverdue', {}, DUE, timer)).then([overdue]);
      spec.given([scheduled, overdue]).when(cmd('MarkCallbackOverdue', {}, DUE, timer)).thenNothingHappens();
      expect(fold(callbackDecider, [scheduled, overdue])?.overdue).toBe(true);
    });

    it('should do nothing for a call-back that already finished', () => {
      const completed: CallbackEvent = { type: 'CallbackCompleted', data: { satisfaction: 4, satisfied: true, answers: {}, late: false, at: T1, by: agent.id } };
      spec.given([scheduled, completed]).when(cmd('MarkCallbackOverdue', {}, DUE, timer)).thenNothingHappens();
    });
  });
});
