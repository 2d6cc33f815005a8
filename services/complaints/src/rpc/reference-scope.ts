import type { Actor } from '@cs/eventstore';
import { memberShownTo, memberVisible, type ServiceHost } from '@cs/nest-common';
import type { OrgDirectory } from '@cs/org';

export { assertMemberReferenceVisible, isMemberVisible } from '@cs/nest-common';

/**
 * What a complaint refers to (its member, the earlier complaint it repeats) is shown only to
 * callers who may see that object themselves: a reference never reveals an object outside the
 * caller's scope, not even its id. Members and complaints belong to a store; a customer sees
 * only itself and its own complaints.
 */

/** `complaintId` when the caller may see that complaint, else null. */
export async function visibleComplaintId(host: ServiceHost, org: OrgDirectory, actor: Actor | undefined, complaintId: string | null | undefined): Promise<string | null> {
  if (!complaintId) return null;
  const { rows } = await host.pool.query<{ store_id: string; member_id: string | null }>(
    'select store_id, member_id from complaint_list_v1 where complaint_id = $1',
    [complaintId],
  );
  if (!rows.length) return null;
  const visible = actor?.role === 'customer' ? rows[0].member_id === actor.id : org.canAccessStore(actor, rows[0].store_id);
  return visible ? complaintId : null;
}

/** A complaint view without the member and the repeated complaint when the caller may not see them. */
export async function scopeComplaintView<V extends { memberId: string | null; member: unknown; repeatOfComplaintId: string | null }>(
  host: ServiceHost,
  org: OrgDirectory,
  actor: Actor | undefined,
  view: V,
): Promise<V> {
  const memberShown = view.memberId !== null && (await memberShownTo(host, org, actor, view.memberId));
  return {
    ...view,
    memberId: memberShown ? view.memberId : null,
    member: memberShown ? view.member : null,
    repeatOfComplaintId: await visibleComplaintId(host, org, actor, view.repeatOfComplaintId),
  };
}

/** History entries with the member and the repeated complaint blanked where the caller may not see them. */
export async function scopeHistoryReferences<E extends { data: unknown }>(host: ServiceHost, org: OrgDirectory, actor: Actor | undefined, items: E[]): Promise<E[]> {
  return Promise.all(
    items.map(async (item) => {
      const data = item.data as Record<string, unknown> | null;
      if (!data) return item;
      const scoped = { ...data };
      if (typeof data.repeatOfComplaintId === 'string') scoped.repeatOfComplaintId = await visibleComplaintId(host, org, actor, data.repeatOfComplaintId);
      if (typeof data.memberId === 'string' && !(await memberShownTo(host, org, actor, data.memberId))) scoped.memberId = null;
      return { ...item, data: scoped };
    }),
  );
}

/** List rows with the member and the repeated complaint blanked where the caller may not see them. */
export async function scopeListReferences<R extends { memberId: string | null; repeatOfComplaintId: string | null }>(
  host: ServiceHost,
  org: OrgDirectory,
  actor: Actor | undefined,
  items: R[],
): Promise<R[]> {
  const memberIds = [...new Set(items.map((r) => r.memberId).filter((id): id is string => id !== null))];
  const priorIds = [...new Set(items.map((r) => r.repeatOfComplaintId).filter((id): id is string => id !== null))];
  const members = memberIds.length
    ? (await host.pool.query<{ member_id: string; store_id: string }>('select member_id, store_id from member_directory where member_id = any($1)', [memberIds])).rows
    : [];
  const priors = priorIds.length
    ? (await host.pool.query<{ complaint_id: string; store_id: string; member_id: string | null }>('select complaint_id, store_id, member_id from complaint_list_v1 where complaint_id = any($1)', [priorIds])).rows
    : [];
  const memberStore = new Map(members.map((r) => [r.member_id, r.store_id]));
  const visiblePriors = new Set(
    priors.filter((p) => (actor?.role === 'customer' ? p.member_id === actor.id : org.canAccessStore(actor, p.store_id))).map((p) => p.complaint_id),
  );
  return items.map((r) => {
    const storeId = r.memberId === null ? undefined : memberStore.get(r.memberId);
    const memberShown = r.memberId === null || storeId === undefined || memberVisible(org, actor, r.memberId, storeId);
    const priorShown = r.repeatOfComplaintId === null || visiblePriors.has(r.repeatOfComplaintId);
    return memberShown && priorShown ? r : { ...r, memberId: memberShown ? r.memberId : null, repeatOfComplaintId: priorShown ? r.repeatOfComplaintId : null };
  });
}
