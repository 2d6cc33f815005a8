import type { IssuanceCommand } from './issuance.commands.js';
import { decideIssueGift, decideRefuseIssuance, decideReverseIssuance } from './issuance.decide-register.js';
import { issuanceAlreadyExists, issuanceNotFound } from './issuance.errors.js';
import type { IssuanceEvent } from './issuance.events.js';
import { issuanceLifecycle } from './issuance.lifecycle.js';
import type { IssuanceState } from './issuance.state.js';

export function decideIssuance(command: IssuanceCommand, state: IssuanceState): IssuanceEvent[] {
  if (command.type === 'IssueGift' || command.type === 'RefuseIssuance') {
    if (state) throw issuanceAlreadyExists(command.issuanceId);
    return command.type === 'IssueGift' ? decideIssueGift(command) : decideRefuseIssuance(command);
  }
  if (!state) throw issuanceNotFound(command.issuanceId);
  issuanceLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'ReverseIssuance':
      return decideReverseIssuance(command);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
