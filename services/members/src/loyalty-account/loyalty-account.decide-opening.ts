import type { CloseLoyaltyAccount, OpenLoyaltyAccount } from './loyalty-account.commands.js';
import { holdsOpen, reasonRequired } from './loyalty-account.errors.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { stamp } from './loyalty-account.guards.js';
import { openHolds, type LoyaltyAccount } from './loyalty-account.state.js';
import { addMonths } from './loyalty-account.values.js';

/** Opened when the member becomes active: the first tier, and a membership valid for the configured months. */
export function decideOpen(command: OpenLoyaltyAccount): LoyaltyAccountEvent[] {
  const { revision, rules } = command.rules;
  return [
    {
      type: 'LoyaltyAccountOpened',
      data: {
        memberId: command.memberId,
        storeId: command.storeId,
        tier: rules.tiers[0].code,
        membershipExpiresAt: addMonths(command.now, rules.membershipValidityMonths),
        rulesRevision: revision,
        ...stamp(command),
      },
    },
  ];
}

/** Closing forfeits every unused point and writes off any debt; a redemption in flight must finish first. */
export function decideClose(command: CloseLoyaltyAccount, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  if (!command.reason?.trim()) throw reasonRequired();
  const holds = openHolds(account);
  if (holds.length > 0) throw holdsOpen(holds.map((h) => h.holdId));
  const forfeited = account.lots.filter((lot) => lot.remaining > 0).map((lot) => ({ lotId: lot.lotId, points: lot.remaining }));
  return [
    {
      type: 'LoyaltyAccountClosed',
      data: {
        reason: command.reason.trim(),
        forfeited,
        forfeitedPoints: forfeited.reduce((sum, f) => sum + f.points, 0),
        debtWrittenOff: account.debt,
        ...stamp(command),
      },
    },
  ];
}
