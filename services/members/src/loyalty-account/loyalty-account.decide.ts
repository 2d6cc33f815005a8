import type { LoyaltyAccountCommand } from './loyalty-account.commands.js';
import { decideClose, decideOpen } from './loyalty-account.decide-opening.js';
import {
  decideExpireMembership,
  decideMarkAtRisk,
  decideMarkChurned,
  decideMarkExpiring,
  decideRenewMembership,
} from './loyalty-account.decide-membership.js';
import { decideConfirmHold, decideHoldPoints, decideProcessDueLots, decideReleaseHold } from './loyalty-account.decide-points.js';
import { decideRecordPurchase, decideRecordRefund } from './loyalty-account.decide-purchases.js';
import { decideTierReview } from './loyalty-account.decide-tiers.js';
import { accountAlreadyExists, accountNotFound } from './loyalty-account.errors.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { LOYALTY_SCHEDULED_COMMANDS, loyaltyAccountLifecycle } from './loyalty-account.lifecycle.js';
import type { LoyaltyAccountState } from './loyalty-account.state.js';

export function decideLoyaltyAccount(command: LoyaltyAccountCommand, state: LoyaltyAccountState): LoyaltyAccountEvent[] {
  if (command.type === 'OpenLoyaltyAccount') {
    if (state) throw accountAlreadyExists(command.memberId);
    return decideOpen(command);
  }
  if (!state) throw accountNotFound(command.memberId);
  if (LOYALTY_SCHEDULED_COMMANDS.includes(command.type) && !loyaltyAccountLifecycle.allows(command.type, state.status)) return [];
  loyaltyAccountLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'RecordPurchase':
      return decideRecordPurchase(command, state);
    case 'RecordRefund':
      return decideRecordRefund(command, state);
    case 'ProcessDueLots':
      return decideProcessDueLots(command, state);
    case 'HoldPoints':
      return decideHoldPoints(command, state);
    case 'ConfirmHold':
      return decideConfirmHold(command, state);
    case 'ReleaseHold':
      return decideReleaseHold(command, state);
    case 'RunTierReview':
      return decideTierReview(command, state);
    case 'MarkMembershipExpiring':
      return decideMarkExpiring(command, state);
    case 'ExpireMembership':
      return decideExpireMembership(command, state);
    case 'RenewMembership':
      return decideRenewMembership(command, state);
    case 'MarkAtRisk':
      return decideMarkAtRisk(command, state);
    case 'MarkChurned':
      return decideMarkChurned(command, state);
    case 'CloseLoyaltyAccount':
      return decideClose(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}
