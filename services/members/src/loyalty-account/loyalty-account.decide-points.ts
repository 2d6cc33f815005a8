import type { ConfirmHold, HoldPoints, ProcessDueLots, ReleaseHold } from './loyalty-account.commands.js';
import {
  holdAlreadyConfirmed,
  holdAlreadyReleased,
  holdConflict,
  holdNotFound,
  insufficientPoints,
  invalidPoints,
} from './loyalty-account.errors.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { applied, isWholePositive, settleDebt, stamp, takeFrom } from './loyalty-account.guards.js';
import { availableLotsOldestFirst, availablePoints, type LoyaltyAccount } from './loyalty-account.state.js';
import { isAtOrBefore } from './loyalty-account.values.js';

interface DueStep {
  at: string;
  kind: 0 | 1;
  lotId: string;
}

/** Vests and expires, at their own instants and in that order, every lot due by `now`. */
export function decideProcessDueLots(command: ProcessDueLots, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  const steps: DueStep[] = [];
  for (const lot of account.lots) {
    if (!lot.vested && isAtOrBefore(lot.vestsAt, command.now)) steps.push({ at: lot.vestsAt, kind: 0, lotId: lot.lotId });
    if (!lot.expiredAt && isAtOrBefore(lot.expiresAt, command.now)) steps.push({ at: lot.expiresAt, kind: 1, lotId: lot.lotId });
  }
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.kind - b.kind);
  const events: LoyaltyAccountEvent[] = [];
  let current = account;
  for (const step of steps) {
    const lot = current.lots.find((l) => l.lotId === step.lotId)!;
    const next: LoyaltyAccountEvent[] = [];
    if (step.kind === 0) {
      next.push({ type: 'PointsVested', data: { lotId: lot.lotId, points: lot.remaining, vestedAt: lot.vestsAt, ...stamp(command) } });
      const vested = applied(current, next);
      next.push(...settleDebt(vested, vested.lots.filter((l) => l.lotId === lot.lotId), command));
    } else if (lot.remaining > 0 || lot.held > 0) {
      next.push({ type: 'PointsExpired', data: { lotId: lot.lotId, points: lot.remaining, expiredAt: lot.expiresAt, ...stamp(command) } });
    }
    current = applied(current, next);
    events.push(...next);
  }
  return events;
}

/** Holds the oldest available points for a redemption; the same hold asked again changes nothing. */
export function decideHoldPoints(command: HoldPoints, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  if (!isWholePositive(command.points)) throw invalidPoints();
  const known = account.holds[command.holdId];
  if (known) {
    if (known.redemptionId === command.redemptionId && known.points === command.points) return [];
    throw holdConflict(command.holdId);
  }
  const available = availablePoints(account);
  if (command.points > available) throw insufficientPoints(command.points, available);
  const { shares } = takeFrom(availableLotsOldestFirst(account), command.points);
  return [
    {
      type: 'PointsHeld',
      data: { holdId: command.holdId, redemptionId: command.redemptionId, points: command.points, allocations: shares, ...stamp(command) },
    },
  ];
}

export function decideConfirmHold(command: ConfirmHold, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  const hold = account.holds[command.holdId];
  if (!hold) throw holdNotFound(command.holdId);
  if (hold.status === 'confirmed') return [];
  if (hold.status === 'released') throw holdAlreadyReleased(command.holdId);
  const { holdId, redemptionId, points, allocations } = hold;
  return [{ type: 'PointsRedeemed', data: { holdId, redemptionId, points, allocations, ...stamp(command) } }];
}

/** Released points go back to their lots: those past expiry expire at once, the rest pay any debt first. */
export function decideReleaseHold(command: ReleaseHold, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  const hold = account.holds[command.holdId];
  if (!hold) throw holdNotFound(command.holdId);
  if (hold.status === 'released') return [];
  if (hold.status === 'confirmed') throw holdAlreadyConfirmed(command.holdId);
  const { holdId, redemptionId, points, allocations } = hold;
  const events: LoyaltyAccountEvent[] = [
    { type: 'PointsHoldReleased', data: { holdId, redemptionId, points, allocations, reason: command.reason, ...stamp(command) } },
  ];
  for (const share of allocations) {
    const lot = account.lots.find((l) => l.lotId === share.lotId)!;
    if (lot.expiredAt) {
      events.push({ type: 'PointsExpired', data: { lotId: lot.lotId, points: share.points, expiredAt: lot.expiredAt, ...stamp(command) } });
    }
  }
  const released = applied(account, events);
  return [...events, ...settleDebt(released, availableLotsOldestFirst(released), command)];
}
