import { DomainError, type Actor } from '@cs/eventstore';
import type { RpcContext } from '@cs/messaging';
import { requireActor } from '@cs/messaging';
import type { OrgDirectory } from '@cs/org';

/** Staff only; a record of a store the actor may not see answers as not found. */
export function requireStaff(ctx: RpcContext): Actor {
  const actor = requireActor(ctx);
  if (actor.role === 'customer') throw new DomainError('STAFF_ONLY', 'Only staff may do this', 'forbidden');
  return actor;
}

export function requireVisible<T extends { storeId: string } | null>(org: OrgDirectory, actor: Actor, record: T, notFound: () => DomainError): NonNullable<T> {
  if (!record || !org.canAccessStore(actor, record.storeId)) throw notFound();
  return record as NonNullable<T>;
}

export function requireRole(actor: Actor, roles: readonly string[], what: string): void {
  if (!roles.includes(actor.role)) throw new DomainError('ROLE_NOT_ALLOWED', `Your role may not ${what}`, 'forbidden', { role: actor.role });
}

/** `in (...)` scope for raw SQL: null means every store. */
export function storeScope(org: OrgDirectory, actor: Actor, column: string, params: unknown[]): string {
  const stores = org.visibleStoreIds(actor);
  if (stores === null) return 'true';
  params.push(stores);
  return `${column} = any($${params.length}::text[])`;
}
