export const ISSUANCE_REASONS = [
  'complaint_compensation',
  'birthday',
  'ranking_voucher',
  'points_redemption',
  'purchase_promotion',
  'new_store',
  'other',
] as const;
export type IssuanceReason = (typeof ISSUANCE_REASONS)[number];

/** A walk-in customer: kept in the register, masked in lists, never published. */
export interface IssuanceCustomer {
  name: string;
  mobile: string;
}

/** What each reason must name: `causeRef` (complaint id, receipt no, redemption id), an entitlement, a member. */
export const REASON_NEEDS: Readonly<Record<IssuanceReason, { causeRef?: string; entitlement?: boolean; member?: boolean }>> = {
  complaint_compensation: { causeRef: 'the complaint id' },
  birthday: { member: true },
  ranking_voucher: { entitlement: true },
  points_redemption: { causeRef: 'the redemption id', member: true },
  purchase_promotion: { causeRef: 'the receipt number' },
  new_store: {},
  other: {},
};

/** Why a points-redemption gift could not be issued (answered to members). */
export const REDEMPTION_REFUSALS = ['out_of_stock', 'unknown_gift', 'not_redeemable', 'store_unknown'] as const;
export type RedemptionRefusal = (typeof REDEMPTION_REFUSALS)[number];
