import { compact } from '@cs/eventstore';
import { stamp } from '../shared/gifts-actor.js';
import type { RecordCompensationGrant } from './compensation.commands.js';
import { compensationQuantityInvalid } from './compensation.errors.js';
import type { CompensationEvent } from './compensation.events.js';
import type { CompensationState } from './compensation.state.js';

/** Exactly once per (complaint, solution): a redelivered grant decides nothing. */
export function decideRecordCompensationGrant(command: RecordCompensationGrant, state: CompensationState): CompensationEvent[] {
  if (state?.grants.some((g) => g.solutionNo === command.solutionNo)) return [];
  if (!Number.isInteger(command.quantity) || command.quantity <= 0) throw compensationQuantityInvalid(command.quantity);
  return [
    {
      type: 'CompensationGranted',
      data: compact({
        complaintId: command.complaintId,
        solutionNo: command.solutionNo,
        storeId: command.storeId,
        memberId: command.memberId,
        sku: command.sku,
        quantity: command.quantity,
        grantedAt: command.grantedAt,
        ...stamp(command),
      }),
    },
  ];
}
