import type { LoyaltyActor } from './loyalty-account.commands.js';
import type { LoyaltyAccountEvent, PointsDebtSettled } from './loyalty-account.events.js';
import { evolveLoyaltyAccount } from './loyalty-account.evolve.js';
import type { LoyaltyAccount, LotShare, PointsLot } from './loyalty-account.state.js';

export const stamp = (command: { now: string; actor: LoyaltyActor }) => ({ at: command.now, by: command.actor.id });

/** The account after events this command has already decided, to decide the next ones on it. */
export function applied(account: LoyaltyAccount, events: readonly LoyaltyAccountEvent[]): LoyaltyAccount {
  return events.reduce<LoyaltyAccount>((s, e) => evolveLoyaltyAccount(s, e) as LoyaltyAccount, account);
}

/** Takes up to `points` from the lots' remaining points in the order given. */
export function takeFrom(lots: readonly PointsLot[], points: number): { shares: LotShare[]; left: number } {
  const shares: LotShare[] = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take > 0) {
      shares.push({ lotId: lot.lotId, points: take });
      left -= take;
    }
  }
  return { shares, left };
}

/** Outstanding debt is paid from points the moment they become available, from these lots in order. */
export function settleDebt(account: LoyaltyAccount, lots: readonly PointsLot[], command: { now: string; actor: LoyaltyActor }): PointsDebtSettled[] {
  let debt = account.debt;
  const events: PointsDebtSettled[] = [];
  for (const { lotId, points } of takeFrom(lots, debt).shares) {
    debt -= points;
    events.push({ type: 'PointsDebtSettled', data: { lotId, points, debtLeft: debt, ...stamp(command) } });
  }
  return events;
}

export const isWholePositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
