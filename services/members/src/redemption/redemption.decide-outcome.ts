import { compact } from '@cs/eventstore';
import type {
  RecordGiftIssued,
  RecordGiftRefused,
  RecordHoldConfirmed,
  RecordHoldReleased,
  RecordLateChargeRefused,
  TimeOutRedemption,
} from './redemption.commands.js';
import { stamp } from './redemption.decide-request.js';
import { issuanceConflict } from './redemption.errors.js';
import type { RedemptionEvent } from './redemption.events.js';
import type { Redemption } from './redemption.state.js';
import { lateHoldIdFor } from './redemption.values.js';

/** Gifts answers once per redemption; a repeat of the same answer changes nothing. */
export function decideGiftIssued(command: RecordGiftIssued, state: Redemption): RedemptionEvent[] {
  if (state.issuanceId) {
    if (state.issuanceId === command.issuanceId) return [];
    throw issuanceConflict(state.redemptionId, state.issuanceId);
  }
  const base = { issuanceId: command.issuanceId, issuedAt: command.issuedAt, ...stamp(command) };
  if (state.status === 'points_held') return [{ type: 'RedemptionGiftIssued', data: base }];
  return [{ type: 'RedemptionGiftIssuedLate', data: { ...base, lateHoldId: lateHoldIdFor(state.redemptionId) } }];
}

export function decideGiftRefused(command: RecordGiftRefused, state: Redemption): RedemptionEvent[] {
  if (state.status !== 'points_held') return [];
  return [{ type: 'RedemptionGiftRefused', data: { reason: command.reason, ...stamp(command) } }];
}

/** Fires at `timeoutAt`; an early or stale firing does nothing. */
export function decideTimeOut(command: TimeOutRedemption, state: Redemption): RedemptionEvent[] {
  if (Date.parse(command.now) < Date.parse(state.timeoutAt)) return [];
  return [{ type: 'RedemptionTimedOut', data: { timeoutAt: state.timeoutAt, ...stamp(command) } }];
}

export function decideHoldConfirmed(command: RecordHoldConfirmed, state: Redemption): RedemptionEvent[] {
  if (state.status === 'confirmed') return [];
  const holdId = state.status === 'late_issued' ? state.lateHoldId! : state.holdId;
  return [{ type: 'RedemptionConfirmed', data: { holdId, points: state.points, ...stamp(command) } }];
}

export function decideHoldReleased(command: RecordHoldReleased, state: Redemption): RedemptionEvent[] {
  if (state.holdReleased) return [];
  return [{ type: 'RedemptionReleased', data: { holdId: state.holdId, reason: state.releaseReason ?? 'timed_out', ...stamp(command) } }];
}

export function decideLateChargeRefused(command: RecordLateChargeRefused, state: Redemption): RedemptionEvent[] {
  return [
    {
      type: 'RedemptionNeedsAttention',
      data: compact({ issuanceId: state.issuanceId!, reason: command.reason, available: command.available, ...stamp(command) }),
    },
  ];
}
