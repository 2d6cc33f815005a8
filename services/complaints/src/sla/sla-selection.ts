import type { SlaPolicy } from './sla-policy.js';

/**
 * Which SLA policy a complaint runs under (R3): it follows from the store (the online store runs
 * the e-commerce policy) and the channel (an e-mail gets its own first-reply clock under every
 * policy). Configuration may pin a store to a policy; a caller never chooses freely: a store role
 * may only send what would be derived anyway, an HQ role may override it and the override is kept.
 */
export interface SlaSelectionConfig {
  /** [PROPOSED] Stores that sell online (the e-commerce policy applies). */
  onlineStoreIds: readonly string[];
  /** Configured exceptions: store id → policy id. */
  storePolicies?: Readonly<Record<string, string>>;
  /** [PROPOSED] R3: an e-mail is answered within this many hours, whatever the policy. */
  emailReplyHours: number;
}

export const DEFAULT_SLA_SELECTION: SlaSelectionConfig = { onlineStoreIds: [], emailReplyHours: 24 };

/** Roles that may choose another policy than the derived one. */
export const SLA_OVERRIDE_ROLES: readonly string[] = ['hq_cs_agent', 'hq_cs_manager', 'admin'];

export function deriveSlaPolicyId(storeId: string, config: SlaSelectionConfig): string {
  return config.storePolicies?.[storeId] ?? (config.onlineStoreIds.includes(storeId) ? 'ecommerce' : 'chain');
}

/** The policy as it applies to one channel: e-mail replaces the first-response clock. */
export function policyForChannel(policy: SlaPolicy, channel: string, config: SlaSelectionConfig): SlaPolicy {
  if (channel !== 'email') return policy;
  return { ...policy, firstResponse: { hours: config.emailReplyHours } };
}

export type SlaChoice =
  | { ok: true; policyId: string; override?: { derivedPolicyId: string } }
  | { ok: false; derivedPolicyId: string; requested: string };

/** The requested policy, if any, against the derived one and the caller's role. */
export function chooseSlaPolicy(input: { storeId: string; role: string; requested?: string }, config: SlaSelectionConfig): SlaChoice {
  const derived = deriveSlaPolicyId(input.storeId, config);
  const requested = input.requested;
  if (!requested || requested === derived) return { ok: true, policyId: derived };
  if (!SLA_OVERRIDE_ROLES.includes(input.role)) return { ok: false, derivedPolicyId: derived, requested };
  return { ok: true, policyId: requested, override: { derivedPolicyId: derived } };
}
