import { CallbackCompletedV1, callbackCompletedV1, CallbackUnreachableV1, callbackUnreachableV1, type IntegrationEnvelope } from '@cs/contracts';
import { DomainError, handleCommand, type Actor } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { BirthdayGreetingErrorCodes } from '../../birthday-greeting/birthday-greeting.errors.js';
import type { CallOutcome } from '../../birthday-greeting/birthday-greeting.values.js';
import { greetingIdFor } from '../../birthday-greeting/birthday-greeting.values.js';
import { birthdayGreetingStream } from '../../rpc/loyalty-streams.js';
import { asMessageOutcome, contractPayload } from '../inbound-validation.js';

export const CALLBACK_OUTCOMES_CONSUMER = 'members__callback-outcomes';
const COMPLAINTS: Actor = { id: 'system:complaints-callbacks', role: 'system', name: 'Call-back outcomes' };

/**
 * The year of the greeting a birthday call-back belongs to: complaints names the call-back
 * `birthday-<memberId>-<year>` (one per member and year); otherwise the year it was settled.
 */
function greetingYear(callbackId: string, memberId: string, settledAt: string): number {
  const prefix = `birthday-${memberId}-`;
  const year = callbackId.startsWith(prefix) ? Number(callbackId.slice(prefix.length)) : NaN;
  return Number.isInteger(year) ? year : Number(settledAt.slice(0, 4));
}

/**
 * Complaints' outcome of a VIP's birthday call-back, recorded on the member's birthday greeting:
 * completed = reached, unreachable = no answer. Other call-back kinds are not members' business;
 * a greeting members never planned (no VIP call due by its rules) is skipped, not dead-lettered.
 */
export function callbackOutcomesConsumer(host: ServiceHost) {
  return async (envelope: IntegrationEnvelope): Promise<void> => {
    if (envelope.version !== 1) return;
    let settled: { callbackId: string; memberId: string; at: string; outcome: CallOutcome };
    if (envelope.type === callbackCompletedV1.type) {
      const e = await contractPayload(CallbackCompletedV1, envelope.type, envelope.data);
      if (e.kind !== 'birthday_greeting') return;
      settled = { callbackId: e.callbackId, memberId: e.sourceRef, at: e.completedAt, outcome: 'reached' };
    } else if (envelope.type === callbackUnreachableV1.type) {
      const e = await contractPayload(CallbackUnreachableV1, envelope.type, envelope.data);
      if (e.kind !== 'birthday_greeting') return;
      settled = { callbackId: e.callbackId, memberId: e.sourceRef, at: e.unreachableAt, outcome: 'no_answer' };
    } else return;
    const greetingId = greetingIdFor(settled.memberId, greetingYear(settled.callbackId, settled.memberId, settled.at));
    try {
      await handleCommand(
        host.store,
        birthdayGreetingStream.spec(greetingId),
        { type: 'RecordBirthdayCall', greetingId, outcome: settled.outcome, now: settled.at, actor: COMPLAINTS },
        { commandId: `complaints:${envelope.id}`, request: { envelope: envelope.id }, metadata: { actor: COMPLAINTS, occurredAt: settled.at, causationId: envelope.id } },
      );
      host.poke();
    } catch (error) {
      const E = BirthdayGreetingErrorCodes;
      if (error instanceof DomainError && [E.NOT_FOUND, E.CALL_NOT_DUE, E.INVALID_TRANSITION].includes(error.code as never)) return;
      asMessageOutcome(error, []);
    }
  };
}
