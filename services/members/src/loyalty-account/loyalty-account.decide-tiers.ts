import type { LoyaltyRulesInForce } from '../loyalty-config/loyalty-config.values.js';
import type { LoyaltyActor, RunTierReview } from './loyalty-account.commands.js';
import { invalidMonth } from './loyalty-account.errors.js';
import type { LoyaltyAccountEvent, TierChanged } from './loyalty-account.events.js';
import { stamp } from './loyalty-account.guards.js';
import type { LoyaltyAccount } from './loyalty-account.state.js';
import { MONTH_PATTERN, netSpend12m, tierFor, tierRank } from './loyalty-account.values.js';

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
  const net = netSpend12m(Object.values(account.purchases), command.now);
  const target = tierFor(net, tiers);
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
