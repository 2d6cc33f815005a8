import type { Role } from './roles.js';

/**
 * Who may call the gifts routes (the §1.7.7 matrix). Which store or location a caller may act on is
 * the service's call: store roles their own store, the warehouse role HQ.
 */
const HQ_CS: readonly Role[] = ['hq_cs_agent', 'hq_cs_manager', 'admin'];
const STORE: readonly Role[] = ['store_staff', 'store_manager'];

export const GIFT_CATALOGUE_WRITE_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];
export const GIFT_READ_ROLES: readonly Role[] = [...STORE, ...HQ_CS, 'warehouse', 'general_manager'];
export const GIFT_WRITE_OFF_ROLES: readonly Role[] = ['store_manager', 'warehouse', 'hq_cs_manager', 'admin'];

export const PLAN_DRAFT_ROLES: readonly Role[] = HQ_CS;
export const PLAN_APPROVE_ROLES: readonly Role[] = ['general_manager', 'admin'];
export const PLAN_ORDER_ROLES: readonly Role[] = ['hq_cs_manager', 'warehouse', 'admin'];
export const PLAN_RECEIVE_ROLES: readonly Role[] = ['warehouse', 'admin'];
export const PLAN_READ_ROLES: readonly Role[] = [...HQ_CS, 'general_manager', 'warehouse'];

export const REQUEST_STORE_ROLES: readonly Role[] = [...STORE, 'admin'];
export const REQUEST_APPROVE_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];
export const REQUEST_DISPATCH_ROLES: readonly Role[] = ['warehouse', 'admin'];
export const KIT_DISPATCH_ROLES: readonly Role[] = ['warehouse', 'hq_cs_manager', 'admin'];
export const DISCREPANCY_ROLES: readonly Role[] = HQ_CS;

export const ISSUANCE_ROLES: readonly Role[] = [...STORE, ...HQ_CS];
export const ENTITLEMENT_ISSUE_ROLES: readonly Role[] = HQ_CS;
export const ENTITLEMENT_VOID_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];

export const STOCKTAKE_COUNT_ROLES: readonly Role[] = [...STORE, 'warehouse', 'admin'];
export const STOCKTAKE_APPROVE_ROLES: readonly Role[] = ['store_manager', 'warehouse', 'hq_cs_manager', 'admin'];
export const STOCKTAKE_RECOUNT_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];
export const STOCKTAKE_READ_ROLES: readonly Role[] = [...STORE, ...HQ_CS, 'warehouse'];
export const STOCKTAKE_SUMMARY_ROLES: readonly Role[] = [...HQ_CS, 'general_manager', 'analyst'];

/** Who works on the central warehouse's stock (HQ-wide roles see every location anyway). */
export const GIFT_HQ_LOCATION_ROLES: readonly Role[] = ['warehouse', 'hq_cs_agent', 'hq_cs_manager', 'general_manager', 'analyst', 'admin'];
