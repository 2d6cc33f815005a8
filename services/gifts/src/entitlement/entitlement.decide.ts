import type { EntitlementCommand } from './entitlement.commands.js';
import { decideIssueEntitlement, decideVoidEntitlement } from './entitlement.decide-granting.js';
import { decideExpireEntitlement, decideRedeemEntitlement } from './entitlement.decide-redemption.js';
import { entitlementAlreadyExists, entitlementNotFound } from './entitlement.errors.js';
import type { EntitlementEvent } from './entitlement.events.js';
import { entitlementLifecycle } from './entitlement.lifecycle.js';
import type { EntitlementState } from './entitlement.state.js';

export function decideEntitlement(command: EntitlementCommand, state: EntitlementState): EntitlementEvent[] {
  if (command.type === 'IssueEntitlement') {
    if (state) throw entitlementAlreadyExists(command.code);
    return decideIssueEntitlement(command);
  }
  if (!state) throw entitlementNotFound(command.code);
  entitlementLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'RedeemEntitlement':
      return decideRedeemEntitlement(command, state);
    case 'ExpireEntitlement':
      return decideExpireEntitlement(command, state);
    case 'VoidEntitlement':
      return decideVoidEntitlement(command);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
