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

/** Every role but `customer`. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'customer');
export const STORE_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'admin'];
export const HQ_REVIEW_ROLES: readonly Role[] = ['hq_cs_agent', 'hq_cs_manager', 'admin'];
/**
 * Who works a complaint: the gateway API outline's (shared API.md) "agent", "assignee" and "manager" (managers are agents too);
 * which of them may act on a given complaint is the service's call (assignee, store, region).
 */
export const COMPLAINT_AGENT_ROLES: readonly Role[] = ['hq_cs_agent', 'hq_cs_manager', 'store_staff', 'store_manager', 'admin'];
/** A proposed solution is accepted or rejected by the agent on the customer's word, or by the customer. */
export const SOLUTION_ANSWER_ROLES: readonly Role[] = [...COMPLAINT_AGENT_ROLES, 'customer'];
/**
 * Who reads member records (lists, one member, the review queue, history): the store and HQ desks.
 * Analysts will get aggregates only (the analytics endpoints, a later capability); other back-office roles nothing.
 */
export const MEMBER_READ_ROLES: readonly Role[] = ['store_staff', 'store_manager', 'hq_cs_agent', 'hq_cs_manager', 'admin'];
/** Staff who read complaints: everyone but the warehouse and technicians, who have no part in them. */
export const COMPLAINT_READ_ROLES: readonly Role[] = STAFF_ROLES.filter((r) => r !== 'warehouse' && r !== 'technician');
