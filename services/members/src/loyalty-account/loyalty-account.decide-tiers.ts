import type { LoyaltyRulesInForce, LoyaltyTier } from '../loyalty-config/loyalty-config.values.js';
import type { LoyaltyActor, RunTierReview } from './loyalty-account.commands.js';
import { invalidMonth } from './loyalty-account.errors.js';
import type { LoyaltyAccountEvent, TierChanged } from './loyalty-account.events.js';
import { stamp } from './loyalty-account.guards.js';
import type { LoyaltyAccount } from './loyalty-account.state.js';
import { MONTH_PATTERN, netSpend12m, tierFor, tierRank, type SpendFact } from './loyalty-account.values.js';

/** A purchase only ever raises the tier, at once; lowering waits for the monthly run. */
export function upgradeOnPurchase(
  account: LoyaltyAccount,
  command: { now: string; actor: LoyaltyActor; rules: LoyaltyRulesInForce },
): TierChanged[] {
  const { tiers } = command.rules.rules;
  const net = netSpend12m(Object.values(account.purchases), command.now);
  const target = tierFor(net, tiers);
  if (tierRank(target, tiers) <= tierRank(account.tier, tiers)) return [];
  return [tierChanged(account.tier, target, 'up', 'purchase', net, command)];
}

/** The monthly run sets the tier to what 12-month net spend earns, up or down, once per month. */
export function decideTierReview(command: RunTierReview, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  if (!MONTH_PATTERN.test(command.month)) throw invalidMonth(command.month);
  if (account.lastTierReviewMonth && account.lastTierReviewMonth >= command.month) return [];
  const { tiers } = command.rules.rules;
  const purchases = Object.values(account.purchases);
  const net = netSpend12m(purchases, command.now);
  const target = tierAfterLateRun(tierFor(net, tiers), purchases, command.now, tiers);
  const events: LoyaltyAccountEvent[] = [];
  if (target !== account.tier) {
    const direction = tierRank(target, tiers) > tierRank(account.tier, tiers) ? 'up' : 'down';
    events.push(tierChanged(account.tier, target, direction, 'monthly_review', net, command));
  }
  events.push({
    type: 'TierReviewed',
    data: { month: command.month, netSpend12m: net, tier: target, rulesRevision: command.rules.revision, ...stamp(command) },
  });
  return events;
}

/**
 * A run that fires late (the service was down at the month's start) is decided as of its own
 * instant, but purchases made after that instant have already raised the tier on arrival: as if
 * the run had been on time, each of them raises the result again to what it earned then.
 */
function tierAfterLateRun(atRun: string, purchases: readonly SpendFact[], now: string, tiers: readonly LoyaltyTier[]): string {
  let tier = atRun;
  for (const later of purchases.filter((p) => Date.parse(p.purchasedAt) > Date.parse(now))) {
    const earned = tierFor(netSpend12m(purchases, later.purchasedAt), tiers);
    if (tierRank(earned, tiers) > tierRank(tier, tiers)) tier = earned;
  }
  return tier;
}

function tierChanged(
  from: string,
  to: string,
  direction: 'up' | 'down',
  reason: TierChanged['data']['reason'],
  net: number,
  command: { now: string; actor: LoyaltyActor; rules: LoyaltyRulesInForce },
): TierChanged {
  return {
    type: 'TierChanged',
    data: { from, to, direction, reason, netSpend12m: net, rulesRevision: command.rules.revision, ...stamp(command) },
  };
}
