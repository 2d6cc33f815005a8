import type { Redemption } from './redemption.state.js';

/**
 * What the saga must do next for a redemption in this state. Derived from state alone, so a
 * restarted reactor resumes where it stopped; every step is idempotent on the other side.
 */
export type RedemptionStep =
  | { kind: 'hold_points'; holdId: string; points: number }
  | { kind: 'issue_gift'; timeoutAt: string }
  | { kind: 'confirm_hold'; holdId: string }
  | { kind: 'release_hold'; holdId: string; reason: 'gift_refused' | 'timed_out' }
  | { kind: 'charge_late'; holdId: string; points: number }
  | { kind: 'none' };

export function nextRedemptionStep(state: Redemption): RedemptionStep {
  switch (state.status) {
    case 'requested':
      return { kind: 'hold_points', holdId: state.holdId, points: state.points };
    case 'points_held':
      return { kind: 'issue_gift', timeoutAt: state.timeoutAt };
    case 'gift_issued':
      return { kind: 'confirm_hold', holdId: state.holdId };
    case 'releasing':
      return { kind: 'release_hold', holdId: state.holdId, reason: state.releaseReason ?? 'timed_out' };
    case 'late_issued':
      return state.holdReleased
        ? { kind: 'charge_late', holdId: state.lateHoldId!, points: state.points }
        : { kind: 'release_hold', holdId: state.holdId, reason: state.releaseReason ?? 'timed_out' };
    case 'confirmed':
    case 'released':
    case 'refused':
    case 'needs_attention':
      return { kind: 'none' };
    default: {
      const _exhaustive: never = state.status;
      return { kind: 'none' };
    }
  }
}
