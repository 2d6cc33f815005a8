import { DomainError, type Actor } from '@cs/eventstore';
import { GIFT_HQ_LOCATION_ROLES, hasRole, HQ_WIDE_ROLES, type OrgDirectory } from '@cs/org';
import { HQ_LOCATION } from '../stock/stock.values.js';

/** May the actor see or act on this location's stock, issuances and counts? Store roles: their store; the warehouse: HQ. */
export function canUseLocation(org: OrgDirectory, actor: Actor | undefined, locationId: string): boolean {
  if (!actor) return false;
  if (locationId === HQ_LOCATION) return hasRole(GIFT_HQ_LOCATION_ROLES, actor.role);
  if (actor.role === 'warehouse') return false;
  return org.canAccessStore(actor, locationId);
}

/** Requests concern a store, but the warehouse ships them all. */
export function canSeeRequest(org: OrgDirectory, actor: Actor | undefined, storeId: string): boolean {
  return actor?.role === 'warehouse' || org.canAccessStore(actor, storeId);
}

/** Locations the actor may list: null = all. */
export function visibleLocations(org: OrgDirectory, actor: Actor | undefined): string[] | null {
  if (hasRole(HQ_WIDE_ROLES, actor?.role)) return null;
  const stores = actor?.role === 'warehouse' ? [] : org.visibleStoreIds(actor) ?? [];
  return hasRole(GIFT_HQ_LOCATION_ROLES, actor?.role) ? [HQ_LOCATION, ...stores] : stores;
}

/** An existing location: HQ or a store of the directory (422 otherwise). */
export function requireLocation(org: OrgDirectory, locationId: string): void {
  if (locationId !== HQ_LOCATION) org.requireStore(locationId);
}

/** Out of scope reads as absent, as everywhere else. */
export const notVisible = (what: string, id: string) =>
  new DomainError(`${what.toUpperCase().replace(/[^A-Z]+/g, '_')}_NOT_FOUND`, `${what} ${id} not found`, 'not_found', { id });

export const locationForbidden = (locationId: string) =>
  new DomainError('LOCATION_FORBIDDEN', `You may not act on the stock of ${locationId}`, 'forbidden', { locationId });
