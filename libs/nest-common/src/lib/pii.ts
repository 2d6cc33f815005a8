import type { Actor } from '@cs/eventstore';
import { FULL_CONTACT_ROLES, hasRole } from '@cs/org';

/** `13812341234` → `138****1234`; shorter values are masked entirely. */
export function maskMobile(mobile: string): string {
  if (mobile.length < 8) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}

export function canSeeFullMobile(role: string | undefined): boolean {
  return hasRole(FULL_CONTACT_ROLES, role);
}

/**
 * A phone number as this caller may see it: in full for the roles above and for callers the
 * record explicitly entitles (`entitled`, e.g. the assignee of an open case or the customer
 * itself), masked for everyone else.
 */
export function presentMobile(mobile: string, actor: Actor | undefined, entitled = false): string {
  return entitled || canSeeFullMobile(actor?.role) ? mobile : maskMobile(mobile);
}
