import { compact } from '@cs/eventstore';
import { stamp } from '../shared/gifts-actor.js';
import type { IssueEntitlement, VoidEntitlement } from './entitlement.commands.js';
import { entitlementReasonRequired, entitlementValidityInvalid } from './entitlement.errors.js';
import type { EntitlementEvent } from './entitlement.events.js';

export function decideIssueEntitlement(command: IssueEntitlement): EntitlementEvent[] {
  if (!(Date.parse(command.validUntil) > Date.parse(command.validFrom))) throw entitlementValidityInvalid();
  const { type: _t, now: _n, actor: _a, ...fields } = command;
  return [{ type: 'EntitlementIssued', data: compact({ ...fields, ...stamp(command) }) }];
}

export function decideVoidEntitlement(command: VoidEntitlement): EntitlementEvent[] {
  if (!command.reason?.trim()) throw entitlementReasonRequired();
  return [{ type: 'EntitlementVoided', data: { reason: command.reason, ...stamp(command) } }];
}
