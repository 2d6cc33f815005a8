import type { Event } from '@cs/eventstore';
import type { LotShare } from './loyalty-account.state.js';
import type { HoldReleaseReason, PurchaseChannel, TierChangeReason } from './loyalty-account.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type LoyaltyAccountOpened = Event<
  'LoyaltyAccountOpened',
  { memberId: string; storeId: string; tier: string; membershipExpiresAt: string; rulesRevision: number } & Stamp
>;

export type PurchaseRecorded = Event<
  'PurchaseRecorded',
  { receiptNo: string; storeId: string; channel: PurchaseChannel; amount: number; itemCount: number; purchasedAt: string } & Stamp
>;

/** A new lot, pending until `vestsAt`, gone at `expiresAt`: both fixed by the rules in force when earned. */
export type PointsEarned = Event<
  'PointsEarned',
  { lotId: string; receiptNo: string; points: number; earnedAt: string; vestsAt: string; expiresAt: string; rulesRevision: number } & Stamp
>;

export type PointsVested = Event<'PointsVested', { lotId: string; points: number; vestedAt: string } & Stamp>;

export type PointsExpired = Event<'PointsExpired', { lotId: string; points: number; expiredAt: string } & Stamp>;

export type RefundRecorded = Event<'RefundRecorded', { refundId: string; receiptNo: string; amount: number; refundedTotal: number } & Stamp>;

/**
 * What a refund took back: from the purchase's own lot first (its unused and its already expired
 * points), then from other available lots, oldest first; the rest became debt.
 */
export type PointsReversed = Event<
  'PointsReversed',
  { refundId: string; receiptNo: string; points: number; fromRemaining: LotShare[]; fromExpired: LotShare[]; debtIncurred: number } & Stamp
>;

export type PointsDebtSettled = Event<'PointsDebtSettled', { lotId: string; points: number; debtLeft: number } & Stamp>;

export type PointsHeld = Event<'PointsHeld', { holdId: string; redemptionId: string; points: number; allocations: LotShare[] } & Stamp>;

export type PointsRedeemed = Event<'PointsRedeemed', { holdId: string; redemptionId: string; points: number; allocations: LotShare[] } & Stamp>;

export type PointsHoldReleased = Event<
  'PointsHoldReleased',
  { holdId: string; redemptionId: string; points: number; allocations: LotShare[]; reason: HoldReleaseReason } & Stamp
>;

export type TierChanged = Event<
  'TierChanged',
  { from: string; to: string; direction: 'up' | 'down'; reason: TierChangeReason; netSpend12m: number; rulesRevision: number } & Stamp
>;

export type TierReviewed = Event<'TierReviewed', { month: string; netSpend12m: number; tier: string; rulesRevision: number } & Stamp>;

export type MembershipExpiring = Event<'MembershipExpiring', { expiresAt: string; noticeDays: number } & Stamp>;

export type MembershipExpired = Event<'MembershipExpired', { expiresAt: string } & Stamp>;

export type MembershipRenewed = Event<
  'MembershipRenewed',
  { previousExpiresAt: string; expiresAt: string; rulesRevision: number } & Stamp
>;

export type MemberAtRisk = Event<'MemberAtRisk', { lastActivityAt: string; inactiveDays: number } & Stamp>;

export type MemberChurned = Event<'MemberChurned', { lastActivityAt: string; inactiveDays: number } & Stamp>;

export type MemberRetained = Event<'MemberRetained', { receiptNo: string; previousStatus: 'at_risk' | 'churned' } & Stamp>;

export type LoyaltyAccountClosed = Event<
  'LoyaltyAccountClosed',
  { reason: string; forfeited: LotShare[]; forfeitedPoints: number; debtWrittenOff: number } & Stamp
>;

export type LoyaltyAccountEvent =
  | LoyaltyAccountOpened
  | PurchaseRecorded
  | PointsEarned
  | PointsVested
  | PointsExpired
  | RefundRecorded
  | PointsReversed
  | PointsDebtSettled
  | PointsHeld
  | PointsRedeemed
  | PointsHoldReleased
  | TierChanged
  | TierReviewed
  | MembershipExpiring
  | MembershipExpired
  | MembershipRenewed
  | MemberAtRisk
  | MemberChurned
  | MemberRetained
  | LoyaltyAccountClosed;
