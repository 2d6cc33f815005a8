export const RETURN_REQUEST_TYPES = ['return', 'exchange'] as const;
export type ReturnRequestType = (typeof RETURN_REQUEST_TYPES)[number];

/** §1.4.5, return / exchange. */
export const RETURN_REQUEST_STATUSES = [
  'requested',
  'awaiting_goods',
  'inspecting',
  'refund_pending',
  'refunded',
  'replacement_pending',
  'exchange_shipped',
  'completed',
  'callback_pending',
  'closed',
  'rejected',
  'rejected_after_inspection',
  'cancelled',
] as const;
export type ReturnRequestStatus = (typeof RETURN_REQUEST_STATUSES)[number];

/** Why eligibility was refused (§1.4.6 `aftersales.rejected`). */
export const REJECTION_REASONS = ['window_expired', 'reason_not_allowed', 'non_returnable', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const INSPECTION_RESULTS = ['pass', 'fail'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
