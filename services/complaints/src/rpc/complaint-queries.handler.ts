import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { ComplaintHistoryQuery, GetComplaintQuery, ListComplaintsQuery } from '@cs/contracts';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { decodeCursor, encodeCursor, presentMobile, ServiceHost, toHistory } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { MemberDirectoryRow } from '../inbound/member-directory/member-directory.entity.js';
import { ComplaintListRow } from '../projections/complaint-list/complaint-list.entity.js';
import { contactEntitled, requireVisibleComplaint } from './complaint-access.js';
import { loadComplaint } from './complaint-stream.js';
import { toComplaintView } from './complaint-view.js';

@Injectable()
export class ComplaintQueriesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  /** Folded from the stream (read-your-writes; `asOf` travels back), the member from the directory. */
  async get(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(GetComplaintQuery, payload);
    const { state, version } = await loadComplaint(this.host, query.complaintId, query.asOf ? new Date(query.asOf) : undefined);
    const complaint = requireVisibleComplaint(this.org, ctx.actor, query.complaintId, state);
    const member = complaint.memberId
      ? await this.host.dataSource.getRepository(MemberDirectoryRow).findOneBy({ memberId: complaint.memberId })
      : null;
    return toComplaintView(complaint, version, ctx.actor, member);
  }

  async history(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ComplaintHistoryQuery, payload);
    const { state, events } = await loadComplaint(this.host, query.complaintId);
    const complaint = requireVisibleComplaint(this.org, ctx.actor, query.complaintId, state);
    const entitled = contactEntitled(complaint, ctx.actor);
    return {
      items: toHistory(events, (e) => {
        const data = e.data as Record<string, unknown> & { customer?: { name: string; mobile: string } };
        return data.customer ? { ...data, customer: { ...data.customer, mobile: presentMobile(data.customer.mobile, ctx.actor, entitled) } } : data;
      }),
    };
  }

  async list(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ListComplaintsQuery, payload);
    const qb = this.host.dataSource.getRepository(ComplaintListRow).createQueryBuilder('c').where('true');
    this.scope(qb, ctx);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.storeId) qb.andWhere('c.store_id = :storeId', { storeId: query.storeId });
    if (query.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.memberId) qb.andWhere('c.member_id = :memberId', { memberId: query.memberId });
    if (query.breached !== undefined) {
      qb.andWhere(query.breached ? '(c.first_response_breached or c.resolution_breached)' : 'not (c.first_response_breached or c.resolution_breached)');
    }
    const after = decodeCursor(query.cursor);
    if (after) qb.andWhere('(c.received_at, c.complaint_id) < (:at, :id)', { at: after.at, id: after.id });
    const limit = query.limit ?? 50;
    const rows = await qb.orderBy('c.received_at', 'DESC').addOrderBy('c.complaint_id', 'DESC').limit(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({
        id: r.complaintId,
        complaintNo: r.complaintNo,
        storeId: r.storeId,
        memberId: r.memberId,
        channel: r.channel,
        source: r.source,
        category: r.category,
        severity: r.severity,
        status: r.status,
        assigneeId: r.assigneeId,
        escalationLevel: r.escalationLevel,
        receivedAt: r.receivedAt.toISOString(),
        firstResponseDueAt: r.firstResponseDueAt.toISOString(),
        resolutionDueAt: r.resolutionDueAt.toISOString(),
        breached: r.firstResponseBreached || r.resolutionBreached,
        repeatOfComplaintId: r.repeatOfComplaintId,
        version: r.version,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.receivedAt.toISOString(), id: last.complaintId }) : null,
    };
  }

  private scope(qb: SelectQueryBuilder<ComplaintListRow>, ctx: RpcContext): void {
    if (ctx.actor?.role === 'customer') {
      qb.andWhere('c.member_id = :self', { self: ctx.actor.id });
      return;
    }
    const stores = this.org.visibleStoreIds(ctx.actor);
    if (stores === null) return;
    if (stores.length) qb.andWhere('c.store_id in (:...stores)', { stores });
    else qb.andWhere('false'); // a caller who may see no store sees nothing
  }
}
