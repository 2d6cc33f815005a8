import type { PurchaseChannel } from './loyalty-account.values.js';

export type LoyaltyAccountStatus = 'active' | 'at_risk' | 'churned' | 'expired' | 'closed';

export interface PurchaseRecord {
  receiptNo: string;
  storeId: string;
  channel: PurchaseChannel;
  amount: number;
  itemCount: number;
  refunded: number;
  purchasedAt: string;
  /** Points the purchase earned (0 when none) and the part refunds already took back. */
  points: number;
  pointsReversed: number;
  lotId?: string;
}

/**
 * One purchase's points. Always `points = remaining + held + spent + expired + reversed + forfeited`;
 * `remaining` is pending until vested, available after.
 */
export interface PointsLot {
  lotId: string;
  receiptNo: string;
  points: number;
  remaining: number;
  held: number;
  spent: number;
  expired: number;
  reversed: number;
  forfeited: number;
  earnedAt: string;
  vestsAt: string;
  expiresAt: string;
  vested: boolean;
  /** Set once the lot's expiry has been processed; points released onto it later expire at once. */
  expiredAt?: string;
  rulesRevision: number;
}

export interface LotShare {
  lotId: string;
  points: number;
}

export interface PointsHold {
  holdId: string;
  redemptionId: string;
  points: number;
  allocations: LotShare[];
  status: 'held' | 'confirmed' | 'released';
}

export interface LoyaltyAccount {
  status: LoyaltyAccountStatus;
  memberId: string;
  storeId: string;
  openedAt: string;
  tier: string;
  tierSince: string;
  membershipExpiresAt: string;
  /** The expiry date the last 到期 notice was for, so the monthly run flags each expiry once. */
  expiringNoticeFor?: string;
  lastPurchaseAt?: string;
  lastTierReviewMonth?: string;
  purchases: Record<string, PurchaseRecord>;
  refunds: Record<string, { receiptNo: string; amount: number }>;
  lots: PointsLot[];
  holds: Record<string, PointsHold>;
  /** Points refunds took back that the balance could not cover; paid from points as they become available. */
  debt: number;
}

export type LoyaltyAccountState = LoyaltyAccount | null;

export const initialLoyaltyAccountState = (): LoyaltyAccountState => null;

const isAvailable = (lot: PointsLot) => lot.vested && !lot.expiredAt;

export const availablePoints = (a: LoyaltyAccount): number =>
  a.lots.reduce((sum, lot) => sum + (isAvailable(lot) ? lot.remaining : 0), 0);

export const pendingPoints = (a: LoyaltyAccount): number => a.lots.reduce((sum, lot) => sum + (lot.vested ? 0 : lot.remaining), 0);

export const heldPoints = (a: LoyaltyAccount): number => a.lots.reduce((sum, lot) => sum + lot.held, 0);

/** Available lots in the order redemptions and claw-backs consume them: oldest first. */
export const availableLotsOldestFirst = (a: LoyaltyAccount): PointsLot[] =>
  a.lots
    .filter((lot) => isAvailable(lot) && lot.remaining > 0)
    .sort((x, y) => Date.parse(x.earnedAt) - Date.parse(y.earnedAt));

export type LotStatus = 'pending' | 'available' | 'spent' | 'expired' | 'reversed' | 'forfeited';

export function lotStatus(lot: PointsLot): LotStatus {
  if (lot.forfeited > 0 && lot.remaining === 0 && lot.held === 0) return 'forfeited';
  if (lot.expiredAt && lot.expired > 0) return 'expired';
  if (!lot.vested) return 'pending';
  if (lot.remaining > 0 || lot.held > 0) return 'available';
  return lot.spent > 0 || lot.expired > 0 ? 'spent' : 'reversed';
}

export const openHolds = (a: LoyaltyAccount): PointsHold[] => Object.values(a.holds).filter((h) => h.status === 'held');
