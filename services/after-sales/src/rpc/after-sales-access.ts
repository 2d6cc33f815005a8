import { DomainError, type Actor } from '@cs/eventstore';
import { hasRole, STORE_SCOPED_ROLES, WORKSHOP_ROLES, type OrgDirectory } from '@cs/org';
import type { RequestIntake } from '../common/after-sales.values.js';

export const AfterSalesAccessCodes = {
  NOT_FOUND: 'AFTER_SALES_REQUEST_NOT_FOUND',
  STORE_OUT_OF_SCOPE: 'STORE_OUT_OF_SCOPE',
  NOT_YOUR_ACCOUNT: 'NOT_YOUR_ACCOUNT',
  CUSTOMER_NOT_ALLOWED: 'CUSTOMER_NOT_ALLOWED',
  NOT_APPLICABLE: 'AFTER_SALES_ACTION_NOT_APPLICABLE',
} as const;

export const requestNotFound = (requestId: string) =>
  new DomainError(AfterSalesAccessCodes.NOT_FOUND, `After-sales request ${requestId} does not exist`, 'not_found', { requestId });

export function canAccessStore(org: OrgDirectory, actor: Actor | undefined, storeId: string): boolean {
  if (actor && hasRole(WORKSHOP_ROLES, actor.role)) return !actor.storeId || actor.storeId === storeId;
  return org.canAccessStore(actor, storeId);
}

/** A customer sees its own requests; staff their store or region. Anything else is a 404. */
export function canSeeRequest(org: OrgDirectory, actor: Actor | undefined, request: Pick<RequestIntake, 'storeId' | 'memberId'>): boolean {
  if (actor?.role === 'customer') return request.memberId !== undefined && request.memberId === actor.id;
  return canAccessStore(org, actor, request.storeId);
}

/** SQL scope: null for every store, else the stores the actor may see. */
export function visibleStoreIds(org: OrgDirectory, actor: Actor | undefined): string[] | null {
  if (actor && hasRole(WORKSHOP_ROLES, actor.role)) return actor.storeId ? [actor.storeId] : null;
  return org.visibleStoreIds(actor);
}

/** Who files for whom: a customer for itself, staff for the stores they work in. */
export function requireMayFile(org: OrgDirectory, actor: Actor, request: { storeId: string; memberId?: string }): void {
  if (actor.role === 'customer') {
    if (request.memberId !== actor.id) throw new DomainError(AfterSalesAccessCodes.NOT_YOUR_ACCOUNT, 'Customers file requests for themselves only', 'forbidden');
  } else if (!canAccessStore(org, actor, request.storeId)) {
    throw new DomainError(AfterSalesAccessCodes.STORE_OUT_OF_SCOPE, `You cannot file requests for store ${request.storeId}`, 'forbidden', { storeId: request.storeId });
  }
}

/** Contact data in full for the customer itself and for the store that handles the request (it calls the customer back). */
export function contactEntitled(actor: Actor | undefined, request: Pick<RequestIntake, 'storeId' | 'memberId'>): boolean {
  if (actor?.role === 'customer') return actor.id === request.memberId;
  return hasRole(STORE_SCOPED_ROLES, actor?.role) && actor?.storeId === request.storeId;
}
