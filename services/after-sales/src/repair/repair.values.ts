/** §1.4.5, repair: 叫修/接车登记 → 故障诊断 → 维修方案 → 报价与确认 → 维修作业 → 质量检验. */
export const REPAIR_STATUSES = [
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
  'completed',
  'callback_pending',
  'closed',
  'returned_unrepaired',
  'cancelled',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

/** The on-site visit (R68) or the workshop turnaround (R69). */
export const REPAIR_CLOCKS = ['visit', 'turnaround'] as const;
export type RepairClockKind = (typeof REPAIR_CLOCKS)[number];

/** R71: how a paid mail-in repair is paid. */
export const PAYMENT_METHODS = ['logistics_cod', 'bank_transfer', 'in_store'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
