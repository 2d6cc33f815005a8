import type { Role } from '../auth/roles.js';

/** Who does what on an after-sales request (the shared API outline, After-sales); scope is the service's call. */
export const AFTER_SALES_FILE_ROLES: readonly Role[] = ['customer', 'store_staff', 'store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
export const AFTER_SALES_ELIGIBILITY_ROLES: readonly Role[] = ['store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
export const AFTER_SALES_GOODS_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'warehouse', 'technician', 'admin'];
export const AFTER_SALES_REFUND_ROLES: readonly Role[] = ['store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
export const AFTER_SALES_SHIPPING_ROLES: readonly Role[] = ['warehouse', 'store_staff', 'store_manager', 'admin'];
export const REPAIR_ROLES: readonly Role[] = ['technician', 'admin'];
/** The customer answers a quote itself, or the technician records its word. */
export const QUOTE_ANSWER_ROLES: readonly Role[] = [...REPAIR_ROLES, 'customer'];
/** "handler": whoever works the request. */
export const AFTER_SALES_HANDLER_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'hq_cs_agent', 'hq_cs_manager', 'warehouse', 'technician', 'admin'];
export const AFTER_SALES_CANCEL_ROLES: readonly Role[] = [...AFTER_SALES_HANDLER_ROLES, 'customer'];
/** Staff in scope; customers see their own requests only. */
export const AFTER_SALES_READ_ROLES: readonly Role[] = [...AFTER_SALES_HANDLER_ROLES, 'general_manager', 'hq_qa', 'customer'];
export const RETURN_REGISTER_ROLES: readonly Role[] = ['store_manager', 'hq_cs_agent', 'hq_cs_manager', 'general_manager', 'admin'];
export const AFTER_SALES_POLICY_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];
