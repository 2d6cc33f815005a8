import { compact } from '@cs/eventstore';
import type { CompleteCallback, RecordCallbackAttempt } from './callback.commands.js';
import { invalidCallbackSatisfaction, satisfactionContradicts, unknownAttemptOutcome } from './callback.errors.js';
import type { CallbackEvent } from './callback.events.js';
import { unansweredAttempts, type Callback } from './callback.state.js';
import { ATTEMPT_OUTCOMES, SATISFACTION_MAX, SATISFACTION_MIN } from './callback.values.js';

/**
 * One attempt to reach the customer. The attempt that uses up the limit of unanswered attempts
 * also makes the call-back unreachable; a refusal ends it as declined.
 */
export function decideAttempt(command: RecordCallbackAttempt, state: Callback): CallbackEvent[] {
  if (!(ATTEMPT_OUTCOMES as readonly string[]).includes(command.outcome)) throw unknownAttemptOutcome(command.outcome);
  const stamp = { at: command.now, by: command.actor.id };
  const events: CallbackEvent[] = [
    {
      type: 'CallbackAttemptRecorded',
      data: compact({
        attemptNo: state.attempts.length + 1,
        outcome: command.outcome,
        channel: command.channel ?? 'phone',
        note: command.note,
        ...stamp,
      }),
    },
  ];
  if (command.outcome === 'refused') {
    events.push({ type: 'CallbackDeclined', data: compact({ note: command.note, ...stamp }) });
  } else if (command.outcome !== 'reached') {
    const unanswered = unansweredAttempts(state) + 1;
    if (unanswered >= state.maxAttempts) events.push({ type: 'CallbackUnreachable', data: { unansweredAttempts: unanswered, ...stamp } });
  }
  return events;
}

/** The result of the call: satisfaction 1–5 and whether the customer is satisfied must agree (3 is either). */
export function decideComplete(command: CompleteCallback, state: Callback): CallbackEvent[] {
  const { satisfaction, satisfied } = command;
  if (!Number.isInteger(satisfaction) || satisfaction < SATISFACTION_MIN || satisfaction > SATISFACTION_MAX) {
    throw invalidCallbackSatisfaction(satisfaction);
  }
  if ((satisfied && satisfaction <= 2) || (!satisfied && satisfaction >= 4)) throw satisfactionContradicts(satisfaction, satisfied);
  return [
    {
      type: 'CallbackCompleted',
      data: compact({
        satisfaction,
        satisfied,
        answers: command.answers ?? {},
        note: command.note,
        late: Date.parse(command.now) > Date.parse(state.dueAt),
        at: command.now,
        by: command.actor.id,
      }),
    },
  ];
}
