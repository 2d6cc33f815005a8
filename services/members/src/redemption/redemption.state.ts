export type RedemptionStatus =
  | 'requested'
  | 'points_held'
  | 'gift_issued'
  | 'releasing'
  | 'late_issued'
  | 'confirmed'
  | 'released'
  | 'refused'
  | 'needs_attention';

export interface Redemption {
  status: RedemptionStatus;
  redemptionId: string;
  memberId: string;
  storeId: string;
  giftSku: string;
  quantity: number;
  pointsPrice: number;
  points: number;
  holdId: string;
  timeoutAt: string;
  requestedAt: string;
  issuanceId?: string;
  lateHoldId?: string;
  releaseReason?: 'gift_refused' | 'timed_out';
  /** The first hold went back to the member (after a refusal or the time-out). */
  holdReleased: boolean;
  giftRefusalReason?: string;
  refusal?: string;
}

export type RedemptionState = Redemption | null;

export const initialRedemptionState = (): RedemptionState => null;
