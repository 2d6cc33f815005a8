/** A policy is defined, then redefined as a whole; each definition is a version. */
export const SLA_POLICY_STATUSES = ['defined'] as const;
export type SlaPolicyStatus = (typeof SLA_POLICY_STATUSES)[number];

export const SLA_POLICY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
/** [PROPOSED] bounds: up to 60 days expressed in hours, 1..60 working days. */
export const SLA_MAX_HOURS = 24 * 60;
export const SLA_MAX_WORKING_DAYS = 60;
