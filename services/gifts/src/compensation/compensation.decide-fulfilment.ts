import { stamp } from '../shared/gifts-actor.js';
import type { FulfilCompensation, ReopenCompensation } from './compensation.commands.js';
import { compensationNotGranted } from './compensation.errors.js';
import type { CompensationEvent } from './compensation.events.js';
import type { Compensation } from './compensation.state.js';
import { matchingGrant } from './compensation.values.js';

export function decideFulfilCompensation(command: FulfilCompensation, account: Compensation): CompensationEvent[] {
  const grant = matchingGrant(account.grants, command.sku, command.quantity);
  if (!grant) throw compensationNotGranted({ complaintId: command.complaintId, sku: command.sku, quantity: command.quantity });
  const allFulfilled = account.grants.every((g) => g === grant || g.issuanceId !== undefined);
  return [
    {
      type: 'CompensationFulfilled',
      data: { solutionNo: grant.solutionNo, issuanceId: command.issuanceId, sku: command.sku, quantity: command.quantity, allFulfilled, ...stamp(command) },
    },
  ];
}

/** The issuance was reversed: its grant may be fulfilled again. Unknown issuances change nothing. */
export function decideReopenCompensation(command: ReopenCompensation, account: Compensation): CompensationEvent[] {
  const grant = account.grants.find((g) => g.issuanceId === command.issuanceId);
  if (!grant) return [];
  return [{ type: 'CompensationReopened', data: { solutionNo: grant.solutionNo, issuanceId: command.issuanceId, ...stamp(command) } }];
}
