/** Values shared by the after-sales integration events and RPC requests. */
export const AFTER_SALES_TYPES = ['return', 'exchange', 'repair'] as const;
export type AfterSalesTypeValue = (typeof AFTER_SALES_TYPES)[number];

export const AFTER_SALES_REASONS = ['quality', 'damaged', 'wrong_item', 'not_satisfied', 'size_fit', 'other'] as const;
export type AfterSalesReasonValue = (typeof AFTER_SALES_REASONS)[number];

export const AFTER_SALES_SERVICE_MODES = ['on_site', 'carry_in', 'mail_in', 'salesperson_carry'] as const;
export type AfterSalesServiceModeValue = (typeof AFTER_SALES_SERVICE_MODES)[number];

export const AFTER_SALES_WARRANTY = ['in', 'out', 'unknown'] as const;
export type AfterSalesWarrantyValue = (typeof AFTER_SALES_WARRANTY)[number];

export const AFTER_SALES_REPORTERS = ['end_user', 'dealer', 'property_manager'] as const;
export type AfterSalesReporterValue = (typeof AFTER_SALES_REPORTERS)[number];

export const AFTER_SALES_REJECTION_REASONS = ['window_expired', 'reason_not_allowed', 'non_returnable', 'other'] as const;
export type AfterSalesRejectionReasonValue = (typeof AFTER_SALES_REJECTION_REASONS)[number];

export const AFTER_SALES_INSPECTION_RESULTS = ['pass', 'fail'] as const;
export type AfterSalesInspectionResultValue = (typeof AFTER_SALES_INSPECTION_RESULTS)[number];

export const AFTER_SALES_PAYMENT_METHODS = ['logistics_cod', 'bank_transfer', 'in_store'] as const;
export type AfterSalesPaymentMethodValue = (typeof AFTER_SALES_PAYMENT_METHODS)[number];

export const AFTER_SALES_CLOCKS = ['visit', 'turnaround'] as const;
export type AfterSalesClockValue = (typeof AFTER_SALES_CLOCKS)[number];

/** Statuses of both machines (§1.4.5): return/exchange, then repair. */
export const AFTER_SALES_STATUSES = [
  'requested',
  'awaiting_goods',
  'inspecting',
  'refund_pending',
  'refunded',
  'replacement_pending',
  'exchange_shipped',
  'rejected',
  'rejected_after_inspection',
  'registered',
  'visit_scheduled',
  'item_received',
  'diagnosed',
  'escalated',
  'quoted',
  'quote_accepted',
  'repairing',
  'qc_passed',
  'ready',
  'return_shipped',
  'returned_unrepaired',
  'completed',
  'callback_pending',
  'closed',
  'cancelled',
] as const;
export type AfterSalesStatusValue = (typeof AFTER_SALES_STATUSES)[number];

export const AFTER_SALES_MOBILE_PATTERN = /^1\d{10}$/;
