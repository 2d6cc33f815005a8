import type { Actor } from '@cs/eventstore';
import type { OrgDirectory } from '@cs/org';
import { complaintNotFound } from '../complaint/complaint.errors.js';
import { complaintLifecycle } from '../complaint/complaint.lifecycle.js';
import type { Complaint, ComplaintState } from '../complaint/complaint.state.js';

/** A customer sees its own complaints; staff their store or region. Anything else is a 404. */
export function canSeeComplaint(org: OrgDirectory, actor: Actor | undefined, complaint: Pick<Complaint, 'storeId' | 'memberId'>): boolean {
  if (actor?.role === 'customer') return complaint.memberId !== undefined && complaint.memberId === actor.id;
  return org.canAccessStore(actor, complaint.storeId);
}

export function requireVisibleComplaint(org: OrgDirectory, actor: Actor | undefined, complaintId: string, state: ComplaintState): Complaint {
  if (!state || !canSeeComplaint(org, actor, state)) throw complaintNotFound(complaintId);
  return state;
}

/** Beyond the roles that always see contact data: the assignee of an open case and the customer. */
export function contactEntitled(complaint: Complaint, actor: Actor | undefined): boolean {
  const open = !complaintLifecycle.isTerminal(complaint.status);
  return (open && actor?.id === complaint.assigneeId) || (actor?.role === 'customer' && actor.id === complaint.memberId);
}
