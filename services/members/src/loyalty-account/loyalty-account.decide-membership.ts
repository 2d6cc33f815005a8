import type { ExpireMembership, MarkAtRisk, MarkChurned, MarkMembershipExpiring, RenewMembership } from './loyalty-account.commands.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { stamp } from './loyalty-account.guards.js';
import type { LoyaltyAccount } from './loyalty-account.state.js';
import { addDays, addMonths, isAtOrBefore, laterOf } from './loyalty-account.values.js';

const DAY_MS = 86_400_000;

/** The monthly 到期会员名单 run: flags, once per expiry date, a membership expiring within the notice window. */
export function decideMarkExpiring(command: MarkMembershipExpiring, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  const expiresAt = account.membershipExpiresAt;
  const noticeDays = command.rules.rules.expiringNoticeDays;
  if (account.expiringNoticeFor === expiresAt) return [];
  const within = !isAtOrBefore(expiresAt, command.now) && isAtOrBefore(expiresAt, addDays(command.now, noticeDays));
  return within ? [{ type: 'MembershipExpiring', data: { expiresAt, noticeDays, ...stamp(command) } }] : [];
}

/** The expiry timer: a stale timer (the membership was renewed since) does nothing. */
export function decideExpireMembership(command: ExpireMembership, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  if (!isAtOrBefore(account.membershipExpiresAt, command.now)) return [];
  return [{ type: 'MembershipExpired', data: { expiresAt: account.membershipExpiresAt, ...stamp(command) } }];
}

/** Renewal adds the configured validity to the current expiry, or to now when it has already passed. */
export function decideRenewMembership(command: RenewMembership, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  const previousExpiresAt = account.membershipExpiresAt;
  const expiresAt = addMonths(laterOf(command.now, previousExpiresAt), command.rules.rules.membershipValidityMonths);
  return [{ type: 'MembershipRenewed', data: { previousExpiresAt, expiresAt, rulesRevision: command.rules.revision, ...stamp(command) } }];
}

const lastActivity = (account: LoyaltyAccount) => account.lastPurchaseAt ?? account.openedAt;
const inactiveDays = (since: string, now: string) => Math.floor((Date.parse(now) - Date.parse(since)) / DAY_MS);

/** No purchase for the configured days: at risk. A timer armed before the last purchase does nothing. */
export function decideMarkAtRisk(command: MarkAtRisk, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  const since = lastActivity(account);
  if (!isAtOrBefore(addDays(since, command.rules.rules.atRiskAfterDays), command.now)) return [];
  return [{ type: 'MemberAtRisk', data: { lastActivityAt: since, inactiveDays: inactiveDays(since, command.now), ...stamp(command) } }];
}

export function decideMarkChurned(command: MarkChurned, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  const since = lastActivity(account);
  if (!isAtOrBefore(addDays(since, command.rules.rules.churnedAfterDays), command.now)) return [];
  return [{ type: 'MemberChurned', data: { lastActivityAt: since, inactiveDays: inactiveDays(since, command.now), ...stamp(command) } }];
}
