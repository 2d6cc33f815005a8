import { compact } from '@cs/eventstore';
import type { CallbackCommand, CancelCallback, ReassignCallback, ScheduleCallback } from './callback.commands.js';
import { decideAttempt, decideComplete } from './callback.decide-contact.js';
import {
  callbackAlreadyExists,
  callbackContactRequired,
  callbackFieldRequired,
  callbackNotFound,
  invalidCallbackDueAt,
  invalidMaxAttempts,
  unknownCallbackKind,
} from './callback.errors.js';
import type { CallbackEvent } from './callback.events.js';
import { callbackLifecycle } from './callback.lifecycle.js';
import type { Callback, CallbackState } from './callback.state.js';
import { CALLBACK_KINDS } from './callback.values.js';

export function decideCallback(command: CallbackCommand, state: CallbackState): CallbackEvent[] {
  if (command.type === 'ScheduleCallback') {
    if (state) throw callbackAlreadyExists(command.callbackId);
    return decideSchedule(command);
  }
  if (!state) throw callbackNotFound(command.callbackId);
  // The due-instant timer may fire after the call-back finished: that is no error, just nothing to do.
  if (command.type === 'MarkCallbackOverdue') {
    return state.overdue || callbackLifecycle.isTerminal(state.status)
      ? []
      : [{ type: 'CallbackOverdue', data: { dueAt: state.dueAt, at: command.now, by: command.actor.id } }];
  }
  callbackLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'RecordCallbackAttempt':
      return decideAttempt(command, state);
    case 'CompleteCallback':
      return decideComplete(command, state);
    case 'ReassignCallback':
      return decideReassign(command, state);
    case 'CancelCallback':
      return decideCancel(command);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

const filled = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';

function decideSchedule(command: ScheduleCallback): CallbackEvent[] {
  if (!(CALLBACK_KINDS as readonly string[]).includes(command.kind)) throw unknownCallbackKind(command.kind);
  if (!filled(command.sourceRef)) throw callbackFieldRequired('sourceRef');
  if (!filled(command.storeId)) throw callbackFieldRequired('storeId');
  if (Number.isNaN(Date.parse(command.dueAt))) throw invalidCallbackDueAt(command.dueAt);
  if (!Number.isInteger(command.maxAttempts) || command.maxAttempts < 1 || command.maxAttempts > 10) {
    throw invalidMaxAttempts(command.maxAttempts);
  }
  const hasCustomer = filled(command.customer?.name) && filled(command.customer?.mobile);
  if (!filled(command.memberId) && !hasCustomer) throw callbackContactRequired();
  return [
    {
      type: 'CallbackScheduled',
      data: compact({
        callbackId: command.callbackId,
        kind: command.kind,
        sourceRef: command.sourceRef,
        storeId: command.storeId,
        regionId: command.regionId,
        memberId: command.memberId,
        customer: hasCustomer ? { name: command.customer!.name, mobile: command.customer!.mobile } : undefined,
        assigneeId: command.assigneeId,
        dueAt: command.dueAt,
        maxAttempts: command.maxAttempts,
        sampled: command.sampled || undefined,
        note: command.note,
        at: command.now,
        by: command.actor.id,
      }),
    },
  ];
}

function decideReassign(command: ReassignCallback, state: Callback): CallbackEvent[] {
  if (!filled(command.assigneeId)) throw callbackFieldRequired('assigneeId');
  if (command.assigneeId === state.assigneeId) return [];
  return [
    {
      type: 'CallbackReassigned',
      data: compact({ assigneeId: command.assigneeId, previousAssigneeId: state.assigneeId, at: command.now, by: command.actor.id }),
    },
  ];
}

function decideCancel(command: CancelCallback): CallbackEvent[] {
  if (!filled(command.reason)) throw callbackFieldRequired('reason');
  return [{ type: 'CallbackCancelled', data: { reason: command.reason, at: command.now, by: command.actor.id } }];
}
