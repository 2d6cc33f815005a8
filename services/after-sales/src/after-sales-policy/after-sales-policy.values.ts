export const AFTER_SALES_POLICY_STATUSES = ['defined'] as const;
export type AfterSalesPolicyStatus = (typeof AFTER_SALES_POLICY_STATUSES)[number];

/** Who may change the after-sales terms; the gateway checks the same roles first. */
export const AFTER_SALES_POLICY_ROLES: readonly string[] = ['hq_cs_manager', 'admin'];

/** [PROPOSED] sanity bounds of a definition. */
export const POLICY_BOUNDS = {
  maxWindowDays: 365,
  maxVisitHours: 24 * 30,
  maxUnitsPerBlock: 1000,
  maxWorkingDaysPerBlock: 60,
  maxCallbackDays: 60,
} as const;
