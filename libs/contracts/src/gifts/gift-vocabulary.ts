/** Values shared by the gifts integration events and RPC requests. */

/** The HQ central warehouse's location id; stores are located by their store ids. */
export const HQ_LOCATION_ID = 'HQ';

export const GIFT_LOCATION_KINDS = ['hq', 'store'] as const;
export type GiftLocationKindValue = (typeof GIFT_LOCATION_KINDS)[number];

export const GIFT_CATEGORIES = ['birthday', 'promotion', 'compensation', 'opening_kit', 'points_redemption'] as const;
export type GiftCategoryValue = (typeof GIFT_CATEGORIES)[number];

export const GIFT_ISSUANCE_REASONS = [
  'complaint_compensation',
  'birthday',
  'ranking_voucher',
  'points_redemption',
  'purchase_promotion',
  'new_store',
  'other',
] as const;
export type GiftIssuanceReasonValue = (typeof GIFT_ISSUANCE_REASONS)[number];

export const GIFT_REQUEST_PURPOSES = ['promotion', 'activity', 'birthday', 'compensation', 'new_store', 'other'] as const;
export type GiftRequestPurposeValue = (typeof GIFT_REQUEST_PURPOSES)[number];

export const GIFT_ENTITLEMENT_KINDS = ['gift_card', 'birthday_gift_card', 'voucher'] as const;
export type GiftEntitlementKindValue = (typeof GIFT_ENTITLEMENT_KINDS)[number];

export const GIFT_ENTITLEMENT_STATUSES = ['issued', 'redeemed', 'expired', 'void'] as const;
export type GiftEntitlementStatusValue = (typeof GIFT_ENTITLEMENT_STATUSES)[number];

export const GIFT_ENTITLEMENT_SOURCES = ['complaint_compensation', 'birthday', 'ranking', 'manual'] as const;
export type GiftEntitlementSourceValue = (typeof GIFT_ENTITLEMENT_SOURCES)[number];

/** Why a counted quantity differs from the book (§1.6.6). */
export const GIFT_VARIANCE_REASONS = [
  'damaged',
  'lost',
  'issued_not_recorded',
  'received_not_recorded',
  'miscount',
  'theft_suspected',
  'other',
] as const;
export type GiftVarianceReasonValue = (typeof GIFT_VARIANCE_REASONS)[number];

export const GIFT_WRITE_OFF_REASONS = ['damaged', 'lost'] as const;
export type GiftWriteOffReasonValue = (typeof GIFT_WRITE_OFF_REASONS)[number];

export const GIFT_REDEMPTION_REFUSALS = ['out_of_stock', 'unknown_gift', 'not_redeemable', 'store_unknown'] as const;
export type GiftRedemptionRefusalValue = (typeof GIFT_REDEMPTION_REFUSALS)[number];

export const PROCUREMENT_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'ordered', 'partially_received', 'received'] as const;
export type ProcurementPlanStatusValue = (typeof PROCUREMENT_PLAN_STATUSES)[number];

export const GIFT_REQUEST_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'dispatched',
  'arrival_overdue',
  'received',
  'received_with_discrepancy',
  'discrepancy_resolved',
] as const;
export type GiftRequestStatusValue = (typeof GIFT_REQUEST_STATUSES)[number];

export const STOCKTAKE_STATUSES = ['counting', 'submitted', 'escalated', 'confirmed'] as const;
export type StocktakeStatusValue = (typeof STOCKTAKE_STATUSES)[number];

/** A gift SKU: upper-case letters, digits and dashes. */
export const GIFT_SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
/** A stocktake period, YYYY-MM. */
export const GIFT_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Sanity cap on one line's quantity. */
export const MAX_GIFT_QUANTITY = 1_000_000;
