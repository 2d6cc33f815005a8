import { DomainError, type Actor } from '@cs/eventstore';
import type { OrgDirectory } from '@cs/org';
import { accountNotFound } from '../loyalty-account/loyalty-account.errors.js';
import type { LoyaltyAccount } from '../loyalty-account/loyalty-account.state.js';

/** Machine callers that feed sales from every store. */
export const SALES_FEED_ROLES = new Set(['pos_adapter', 'system']);

/** The selling store must be one the caller works for (the POS adapter feeds them all). */
export function assertMaySell(org: OrgDirectory, actor: Actor, storeId: string): void {
  if (SALES_FEED_ROLES.has(actor.role) || org.canAccessStore(actor, storeId)) return;
  throw new DomainError('STORE_FORBIDDEN', `The caller may not record sales for store ${storeId}`, 'forbidden', { storeId });
}

/**
 * A member's loyalty data is visible to the member, to staff of the registering store or of a
 * store the member bought at (the service desk, R106), and to HQ by region; others get a 404.
 */
export function assertAccountVisible(org: OrgDirectory, actor: Actor | undefined, account: LoyaltyAccount): void {
  if (actor?.role === 'customer' && actor.id === account.memberId) return;
  if (actor && SALES_FEED_ROLES.has(actor.role)) return;
  const stores = new Set([account.storeId, ...Object.values(account.purchases).map((p) => p.storeId)]);
  if ([...stores].some((storeId) => org.canAccessStore(actor, storeId))) return;
  throw accountNotFound(account.memberId);
}
