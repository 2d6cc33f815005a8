import type { Actor } from '@cs/eventstore';
import type { OrgDirectory } from '@cs/org';
import { memberNotFound } from '../member/member.errors.js';

/** Out-of-scope members are reported as unknown (404), never as forbidden: ids do not leak. */
export function assertMemberVisible(org: OrgDirectory, actor: Actor | undefined, member: { memberId: string; storeId: string }): void {
  const own = actor?.role === 'customer' && actor.id === member.memberId;
  if (!own && !org.canAccessStore(actor, member.storeId)) throw memberNotFound(member.memberId);
}
