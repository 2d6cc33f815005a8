import { DomainError, type Actor } from '@cs/eventstore';
import type { OrgDirectory } from '@cs/org';
import type { ServiceHost } from '../service-host.js';

/**
 * Who may see a member that another service's object refers to: the member itself, and staff
 * whose scope covers the member's home store (as this service's member directory knows it). A
 * reference never reveals a member outside the caller's scope, not even that it exists.
 */
export const memberVisible = (org: OrgDirectory, actor: Actor | undefined, memberId: string, storeId: string): boolean =>
  (actor?.role === 'customer' && actor.id === memberId) || org.canAccessStore(actor, storeId);

/** The member's home store as the directory knows it, or undefined while members' events have not told it. */
export async function memberStoreOf(host: ServiceHost, memberId: string): Promise<string | undefined> {
  const { rows } = await host.pool.query<{ store_id: string }>('select store_id from member_directory where member_id = $1', [memberId]);
  return rows[0]?.store_id;
}

/** A command naming a member the caller may not see is refused as if the member did not exist (404). */
export async function assertMemberReferenceVisible(host: ServiceHost, org: OrgDirectory, actor: Actor | undefined, memberId: string | undefined): Promise<void> {
  if (memberId === undefined) return;
  const storeId = await memberStoreOf(host, memberId);
  if (storeId !== undefined && !memberVisible(org, actor, memberId, storeId)) {
    throw new DomainError('MEMBER_NOT_FOUND', `Member ${memberId} not found`, 'not_found');
  }
}

export async function isMemberVisible(host: ServiceHost, org: OrgDirectory, actor: Actor | undefined, memberId: string): Promise<boolean> {
  const storeId = await memberStoreOf(host, memberId);
  return storeId === undefined ? false : memberVisible(org, actor, memberId, storeId);
}

/**
 * A member the directory does not know yet is shown (its id is all there is, and the caller gave
 * it); a known one only within the caller's scope.
 */
export async function memberShownTo(host: ServiceHost, org: OrgDirectory, actor: Actor | undefined, memberId: string): Promise<boolean> {
  const storeId = await memberStoreOf(host, memberId);
  return storeId === undefined || memberVisible(org, actor, memberId, storeId);
}
