/** Every role a caller can have; the gateway refuses tokens naming any other. */
export const ROLES = [
  'customer',
  'store_staff',
  'store_manager',
  'hq_cs_agent',
  'hq_cs_manager',
  'hq_qa',
  'warehouse',
  'general_manager',
  'technician',
  'analyst',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

// Who sees what: a store role its store, a region role its regions, an HQ-wide role everything.
/** Roles that act on one store only: their token must say which. */
export const STORE_SCOPED_ROLES: readonly Role[] = ['store_staff', 'store_manager'];
/** Roles that act on their regions only: their token must list them. */
export const REGION_SCOPED_ROLES: readonly Role[] = ['hq_cs_agent'];
export const HQ_WIDE_ROLES: readonly Role[] = ['hq_cs_manager', 'hq_qa', 'general_manager', 'analyst', 'admin'];

/** Every role but `customer`. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'customer');
/** The store desk: registers members and supplements their applications. */
export const STORE_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'admin'];
/** HQ's member review. */
export const HQ_REVIEW_ROLES: readonly Role[] = ['hq_cs_agent', 'hq_cs_manager', 'admin'];
/**
 * Who reads member records (lists, one member, the review queue, history): the store and HQ desks.
 * Analysts will get aggregates only (the analytics endpoints, a later capability); other back-office roles nothing.
 */
export const MEMBER_READ_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
/** The phone desk: shows an active member's full profile only after a recent passed identity check of the caller (R103). */
export const IDENTITY_CHECK_ROLES: readonly Role[] = ['hq_cs_agent'];
/**
 * Who works a complaint: the gateway API outline's (shared API.md) "agent", "assignee" and "manager" (managers are agents too);
 * which of them may act on a given complaint is the service's call (assignee, store, region).
 */
export const COMPLAINT_AGENT_ROLES: readonly Role[] = ['hq_cs_agent', 'hq_cs_manager', 'store_staff', 'store_manager', 'admin'];
/** Managers act on any complaint they can see, not only their own. */
export const COMPLAINT_MANAGER_ROLES: readonly Role[] = ['store_manager', 'hq_cs_manager', 'admin'];
/** A proposed solution is accepted or rejected by the agent on the customer's word, or by the customer. */
export const SOLUTION_ANSWER_ROLES: readonly Role[] = [...COMPLAINT_AGENT_ROLES, 'customer'];
/** Staff who read complaints: everyone but the warehouse and technicians, who have no part in them. */
export const COMPLAINT_READ_ROLES: readonly Role[] = STAFF_ROLES.filter((r) => r !== 'warehouse' && r !== 'technician');
/** Who may change SLA policies and the working calendar. */
export const SLA_CONFIG_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];
/** Who changes the loyalty rules (`/v1/config/loyalty`); the members decider checks the same. */
export const LOYALTY_CONFIG_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];
/** Roles that see full phone numbers everywhere (§1.7.6); everyone else sees them masked. */
export const FULL_CONTACT_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];

/** Is this (possibly unknown) role one of `roles`? */
export function hasRole(roles: readonly Role[], role: string | undefined): boolean {
  return role !== undefined && (roles as readonly string[]).includes(role);
}

// After-sales (the shared API outline, After-sales): who does what on a return, exchange or repair; scope is the service's call.
export const AFTER_SALES_FILE_ROLES: readonly Role[] = ['customer', 'store_staff', 'store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
/** Eligibility of a return or exchange: approve or reject. */
export const AFTER_SALES_ELIGIBILITY_ROLES: readonly Role[] = ['store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
/** Receive and inspect goods or repair items. */
export const AFTER_SALES_GOODS_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'warehouse', 'technician', 'admin'];
export const AFTER_SALES_REFUND_ROLES: readonly Role[] = ['store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
export const AFTER_SALES_SHIPPING_ROLES: readonly Role[] = ['warehouse', 'store_staff', 'store_manager', 'admin'];
/** The repair pipeline: diagnose, quote, repair, QC, ready, escalate. */
export const REPAIR_ROLES: readonly Role[] = ['technician', 'admin'];
/** The customer answers a quote itself, or the technician records its word. */
export const QUOTE_ANSWER_ROLES: readonly Role[] = [...REPAIR_ROLES, 'customer'];
/** "handler": whoever works the request (complete, close). */
export const AFTER_SALES_HANDLER_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'hq_cs_agent', 'hq_cs_manager', 'warehouse', 'technician', 'admin'];
export const AFTER_SALES_CANCEL_ROLES: readonly Role[] = [...AFTER_SALES_HANDLER_ROLES, 'customer'];
/** Staff in scope; customers see their own requests only. */
export const AFTER_SALES_READ_ROLES: readonly Role[] = [...AFTER_SALES_HANDLER_ROLES, 'general_manager', 'hq_qa', 'customer'];
/** The warehouse and technicians work for every store unless their token names one. */
export const WORKSHOP_ROLES: readonly Role[] = ['warehouse', 'technician'];
export const RETURN_REGISTER_ROLES: readonly Role[] = ['store_manager', 'hq_cs_agent', 'hq_cs_manager', 'general_manager', 'admin'];
/** Who may change the after-sales terms. */
export const AFTER_SALES_POLICY_ROLES: readonly Role[] = ['hq_cs_manager', 'admin'];
